package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.UUID;

/** Valid external logins for tests; override only what the test is about. */
public final class ExternalLoginTestData {
    public static final String DEFAULT_PROVIDER = "acme-sso";
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private ExternalLoginTestData() {
    }

    public static Builder anExternalLogin() {
        return new Builder();
    }

    /** A subject no other call returns, also against rows that earlier runs left in a shared database. */
    public static String aUniqueSubject() {
        return "subject-" + UUID.randomUUID();
    }

    public static final class Builder {
        private UserId userId = UserId.generate();
        private ExternalLoginId id = ExternalLoginId.generate();
        private String provider = DEFAULT_PROVIDER;
        private String subject = aUniqueSubject();
        private EmailAddress emailAtProvider = new EmailAddress("ada@acme.example");
        private Instant linkedAt = DEFAULT_TIMESTAMP;

        private Builder() {
        }

        public Builder withUserId(UserId userId) {
            this.userId = userId;
            return this;
        }

        public Builder withId(ExternalLoginId id) {
            this.id = id;
            return this;
        }

        public Builder withProvider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder withSubject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder withEmailAtProvider(EmailAddress emailAtProvider) {
            this.emailAtProvider = emailAtProvider;
            return this;
        }

        public Builder withLinkedAt(Instant linkedAt) {
            this.linkedAt = linkedAt;
            return this;
        }

        public ExternalLogin build() {
            return new ExternalLogin(userId, id, provider, subject, emailAtProvider, linkedAt);
        }
    }
}
