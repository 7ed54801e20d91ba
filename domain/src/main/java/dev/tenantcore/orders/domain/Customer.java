package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who an order is for: exactly one of a member's user id, a contact's id, or an email address (a customer who is
 * neither). Each is a reference only; the order keeps it as given.
 */
public sealed interface Customer {
    int EMAIL_MAX_LENGTH = 254;

    record Member(UUID userId) implements Customer {
    }

    record Contact(UUID contactId) implements Customer {
    }

    record Email(String address) implements Customer {
        private static final Pattern FORM = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

        public Email {
            if (address == null || address.length() > EMAIL_MAX_LENGTH || !FORM.matcher(address).matches()) {
                throw new InvariantViolationException("customerEmail", "customerEmail must be an email address of "
                        + "at most " + EMAIL_MAX_LENGTH + " characters");
            }
        }
    }

    /** Exactly one of the three, else a refusal naming the customer. */
    static Customer of(UUID userIdOrNull, UUID contactIdOrNull, String emailOrNull) {
        var given = (userIdOrNull != null ? 1 : 0) + (contactIdOrNull != null ? 1 : 0) + (emailOrNull != null ? 1 : 0);
        if (given != 1) {
            throw new InvariantViolationException("customer",
                    "exactly one of customerUserId, customerContactId and customerEmail is required");
        }
        if (userIdOrNull != null) {
            return new Member(userIdOrNull);
        }
        return contactIdOrNull != null ? new Contact(contactIdOrNull) : new Email(emailOrNull.strip());
    }
}
