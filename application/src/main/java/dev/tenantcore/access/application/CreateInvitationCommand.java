package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Invitation;
import java.util.List;

/**
 * An invitation to the caller's organization: the address, the names of the roles it grants, and how many days
 * it stays open ({@code expiresInDaysOrNull} null: the default). Checked here, by the invitation's own rules, so a
 * bad field is refused before any transaction; {@code InvariantViolationException} names it.
 */
public record CreateInvitationCommand(String email, List<String> roles, Integer expiresInDaysOrNull) {
    public CreateInvitationCommand {
        email = Invitation.validEmail(email);
        roles = List.copyOf(Invitation.validRoleNames(roles));
        Invitation.validLifetimeDays(expiresInDaysOrNull);
    }
}
