package dev.tenantcore.contacts.application;

import dev.tenantcore.shared.domain.InvariantViolationException;

/** Keeps the digits and puts +1 in front of ten of them; anything shorter than ten digits is no number. */
final class FakePhoneNumbers implements PhoneNumbers {
    @Override
    public String normalise(String field, String number) {
        var digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 10) {
            throw new InvariantViolationException(field, field + " must be a phone number");
        }
        return number.strip().startsWith("+") ? "+" + digits : "+1" + digits;
    }
}
