package dev.tenantcore.contacts.adapter.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.tenantcore.contacts.application.PhoneNumbers;
import dev.tenantcore.shared.domain.InvariantViolationException;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Phone numbers through Google's libphonenumber: a number is accepted when it could exist in its region (the right
 * length for its country and area), not only when it parses; the default region reads numbers without a country
 * code. An unknown default region stops the start-up rather than refuse every such number later.
 */
@Singleton
final class LibPhoneNumbers implements PhoneNumbers {
    /** Longer than any number written with spaces, dashes and an extension: the rest is not a phone number. */
    private static final int MAX_LENGTH = 50;

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    LibPhoneNumbers(ContactsConfiguration configuration) {
        this.defaultRegion = configuration.getDefaultRegion().toUpperCase(Locale.ROOT);
        if (!numbers.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("tenantcore.contacts.default-region: " + defaultRegion
                    + " is not a region code such as US, GB or DE");
        }
    }

    @Override
    public String normalise(String field, String number) {
        var refusal = new InvariantViolationException(field, field + " must be a phone number, with its country "
                + "code (+44 20 7946 0958) or as dialled in " + defaultRegion);
        if (number.length() > MAX_LENGTH) {
            throw refusal;
        }
        try {
            var parsed = numbers.parse(number, defaultRegion);
            if (!numbers.isPossibleNumber(parsed)) {
                throw refusal;
            }
            return numbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw refusal;
        }
    }
}
