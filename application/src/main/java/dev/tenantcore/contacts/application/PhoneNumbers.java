package dev.tenantcore.contacts.application;

/**
 * Turns a phone number as people write it ("(415) 555-0123", "+44 20 7946 0958", "020 7946 0958") into E.164
 * ("+14155550123"), reading a number without a country code as one of the configured default region.
 */
public interface PhoneNumbers {

    /**
     * The number in E.164 form; an {@code InvariantViolationException} naming {@code field} when it is no possible
     * phone number.
     */
    String normalise(String field, String number);
}
