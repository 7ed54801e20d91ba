package dev.tenantcore.identity.application;

/**
 * What a provider's say-so may do beyond logging in a subject already linked to an account.
 *
 * @param linkByVerifiedEmail a subject not linked yet logs in to the existing account whose address equals the
 *                            address the provider verified, and is linked to it. Only for providers that verify
 *                            addresses and own the domains they assert (a corporate identity provider): with any
 *                            other, whoever controls an address there takes over the account with that address.
 * @param allowSignUp         a subject not linked yet, whose verified address no account has, gets a new account
 *                            (without a password). It still needs a membership of the organization to log in.
 */
public record ExternalLoginPolicy(boolean linkByVerifiedEmail, boolean allowSignUp) {
    /** Log in linked subjects only. */
    public static final ExternalLoginPolicy LINKED_ONLY = new ExternalLoginPolicy(false, false);
}
