package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.ExternalLogin;
import java.util.Optional;

/**
 * Who an OpenID Connect provider vouches for, from an ID token whose signature, issuer, audience, expiry and nonce
 * the web adapter has verified.
 *
 * @param provider      the name the provider is configured under (it stands for one issuer)
 * @param subject       the provider's stable identifier of the person ({@code sub})
 * @param email         the address the provider gave, or null (also for a malformed one)
 * @param emailVerified whether the provider says it verified {@code email} ({@code email_verified})
 * @param name          the person's name as the provider gives it, or null
 * @param sessionId     the provider's session the login belongs to ({@code sid}), or null
 */
public record ExternalIdentity(String provider, String subject, EmailAddress email, boolean emailVerified,
        String name, String sessionId) {

    public ExternalIdentity {
        provider = ExternalLogin.requireProvider(provider);
        subject = ExternalLogin.requireSubject(subject);
    }

    public ExternalIdentity(String provider, String subject, EmailAddress email, boolean emailVerified,
            String name) {
        this(provider, subject, email, emailVerified, name, null);
    }

    /** The address, only if the provider verified it: an unverified one proves nothing about who logs in. */
    public Optional<EmailAddress> verifiedEmail() {
        return emailVerified ? Optional.ofNullable(email) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ExternalIdentity[" + provider + ", " + subject + "]"; // the address and name are personal data
    }
}
