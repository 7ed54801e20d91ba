package dev.tenantcore.identity.adapter.web;

/** A login (or logout) through a provider that is refused, with the cause its problem type names. */
final class OidcLoginRefusedException extends OidcLoginException {
    /** The causes a client can tell apart; each is a problem type of its own. */
    enum Cause {
        /** The person cancelled at the provider, or the provider refused them. */
        CANCELLED("oidc-login-cancelled", "Login cancelled at the provider"),
        /** The provider answered with an error, or with something that did not verify. */
        PROVIDER_ERROR("oidc-provider-error", "The provider did not complete the login"),
        /** The callback came after the login window. */
        WINDOW_LAPSED("oidc-login-expired", "Login window lapsed"),
        /** The callback's flow is not in progress in this browser (never started here, tampered with, or over). */
        NO_FLOW("oidc-login-not-in-progress", "No login in progress"),
        /** The provider vouched for the person, but that gives no access to the organization asked for. */
        NOT_A_MEMBER("oidc-not-a-member", "No access to this organization"),
        /** A back-channel logout whose token is not a valid, fresh logout token of the provider (400). */
        BAD_LOGOUT_TOKEN("oidc-logout-token-invalid", "Invalid logout token", 400);

        private final String type;
        private final String title;
        private final int status;

        Cause(String type, String title) {
            this(type, title, 401);
        }

        Cause(String type, String title, int status) {
            this.type = type;
            this.title = title;
            this.status = status;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }

        String title() {
            return title;
        }
    }

    private final Cause cause;

    OidcLoginRefusedException(Cause cause, String detail) {
        super(detail);
        this.cause = cause;
    }

    Cause reason() {
        return cause;
    }
}
