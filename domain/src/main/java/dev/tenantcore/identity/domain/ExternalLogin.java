package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account's link to a subject at an OpenID Connect provider: whoever the provider vouches for as
 * {@code subject} logs in as {@code userId}. One subject of a provider links at most one account (the database
 * keeps {@code (provider, subject)} unique across users). The provider is the name it is configured under, which
 * stands for one issuer.
 *
 * @param emailAtProvider the address the provider gave when the link was made; informational, never a login name
 */
public record ExternalLogin(UserId userId, ExternalLoginId id, String provider, String subject,
        EmailAddress emailAtProvider, Instant linkedAt) {
    /** The database's CHECK on user_external_logins.provider. */
    public static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    public static final int MAX_SUBJECT_LENGTH = 255;

    public ExternalLogin {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        provider = requireProvider(provider);
        subject = requireSubject(subject);
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    /** A link as storage holds it, checked like any other. */
    public static ExternalLogin reconstitute(UserId userId, ExternalLoginId id, String provider, String subject,
            EmailAddress emailAtProvider, Instant linkedAt) {
        return new ExternalLogin(userId, id, provider, subject, emailAtProvider, linkedAt);
    }

    /** A new link, made now. */
    public static ExternalLogin link(UserId userId, String provider, String subject, EmailAddress emailAtProvider,
            Instant now) {
        return new ExternalLogin(userId, ExternalLoginId.generate(), provider, subject, emailAtProvider, now);
    }

    public static String requireProvider(String provider) {
        if (provider == null || !PROVIDER_NAME.matcher(provider).matches()) {
            throw new InvariantViolationException("provider",
                    "must be 1-63 characters of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        return provider;
    }

    /**
     * A subject is opaque and compared exactly (OpenID Connect Core 2: case-sensitive, at most 255 ASCII
     * characters); control characters are refused, as no provider issues them.
     */
    public static String requireSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH
                || subject.chars().anyMatch(Character::isISOControl)) {
            throw new InvariantViolationException("subject",
                    "must be 1-" + MAX_SUBJECT_LENGTH + " characters without control characters");
        }
        return subject;
    }

    public boolean isFor(String provider, String subject) {
        return this.provider.equals(provider) && this.subject.equals(subject);
    }
}
