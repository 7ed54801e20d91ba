package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Slug;
import java.util.Objects;

/**
 * Public sign-up: a new organization, its first API key, and, when {@code owner} is given, its first owner (a new
 * account, or an existing one that proves its password).
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
