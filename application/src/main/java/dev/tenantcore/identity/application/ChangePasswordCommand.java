package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/**
 * The caller's current password, as proof, and the one that replaces it (NIST length rules, see
 * {@link NewPassword}). A current password longer than any password can be is refused before any hashing.
 */
public record ChangePasswordCommand(String currentPassword, NewPassword newPassword) {
    /** Longer than any password {@link NewPassword} ever accepted; bounds the work of verifying. */
    static final int MAX_CURRENT_PASSWORD_LENGTH = 1024;

    public ChangePasswordCommand {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new InvariantViolationException("currentPassword", "currentPassword must not be empty");
        }
        if (currentPassword.length() > MAX_CURRENT_PASSWORD_LENGTH) {
            throw new InvariantViolationException("currentPassword", "currentPassword is too long");
        }
        Objects.requireNonNull(newPassword, "newPassword");
    }

    /** Names the field as the request does: {@code newPassword}, not the domain's {@code password}. */
    public static ChangePasswordCommand of(String currentPassword, String newPassword) {
        NewPassword chosen;
        try {
            chosen = new NewPassword(newPassword);
        } catch (InvariantViolationException e) {
            throw new InvariantViolationException("newPassword", e.getMessage());
        }
        return new ChangePasswordCommand(currentPassword, chosen);
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[***, ***]";
    }
}
