package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the minor units of an ISO 4217 currency (cents for EUR, yen for JPY): integers all the way, so no
 * rounding ever creeps into a price or a total.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** A price as a client sent it: a known ISO 4217 code in upper case, an amount of at least zero. */
    public static Money price(String field, long amountMinor, String currency) {
        if (amountMinor < 0) {
            throw new InvariantViolationException(field, field + " must be at least 0");
        }
        return new Money(amountMinor, checkedCurrency("currency", currency));
    }

    public static String checkedCurrency(String field, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvariantViolationException(field, field + " must be an ISO 4217 code in upper case, such as EUR");
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvariantViolationException(field, field + " must be an ISO 4217 code in upper case, such as EUR");
        }
        return code;
    }
}
