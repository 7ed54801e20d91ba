package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Slug;
import java.util.Objects;

/**
 * Sign-up: a new organization, its first API key, and its first owner: the person signed in, or, anonymously, the
 * new account {@code owner} describes, or nobody.
 */
public record SignUpOrganizationCommand(String name, Slug slug, Owner owner) {
    public SignUpOrganizationCommand {
        Objects.requireNonNull(slug, "slug");
    }

    public SignUpOrganizationCommand(String name, Slug slug) {
        this(name, slug, null);
    }

    public record Owner(String email, String password, String displayName) {
        @Override
        public String toString() {
            return "Owner[" + email + ", ***, " + displayName + "]";
        }
    }
}
