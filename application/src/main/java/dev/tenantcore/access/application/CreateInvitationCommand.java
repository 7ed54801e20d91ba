package dev.tenantcore.access.application;

import java.util.List;

/**
 * An invitation to the caller's organization: the address, the names of the roles it grants, and how many days
 * it stays open ({@code expiresInDaysOrNull} null: the default). The domain checks every field.
 */
public record CreateInvitationCommand(String email, List<String> roles, Integer expiresInDaysOrNull) {
}
