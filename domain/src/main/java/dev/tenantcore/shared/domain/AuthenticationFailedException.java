package dev.tenantcore.shared.domain;

/**
 * Credentials presented to log in (or a refresh token) did not check out. One message for every cause (unknown
 * address, wrong password, not a member, suspended, expired), so the answer tells an attacker nothing.
 */
public final class AuthenticationFailedException extends DomainException {
    public AuthenticationFailedException() {
        super("the credentials are not valid");
    }
}
