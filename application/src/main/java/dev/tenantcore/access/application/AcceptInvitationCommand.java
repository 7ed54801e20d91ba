package dev.tenantcore.access.application;

/**
 * Accepting an invitation: its token, and, only when no account has the invited address yet, the password and
 * display name of the account to create.
 */
public record AcceptInvitationCommand(String token, String passwordOrNull, String displayNameOrNull) {
    @Override
    public String toString() {
        return "AcceptInvitationCommand[***]"; // the token and the password are secrets
    }
}
