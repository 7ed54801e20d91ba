package dev.tenantcore.access.application;

public interface AcceptInvitationUseCase {

    /**
     * Makes the account with the invited address a member of the inviting organization, with the invitation's
     * roles, creating the account first if there is none. Anonymous, or with the access token of the account the
     * invitation was sent to; an API key is refused. An unknown or forged token is not found; an expired, revoked
     * or used one is a conflict that says which.
     */
    InvitationAcceptance accept(AcceptInvitationCommand command);
}
