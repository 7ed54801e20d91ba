package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Slug;
import java.util.Objects;

/** Public sign-up: a new organization and its first API key. */
public record SignUpOrganizationCommand(String name, Slug slug) {
    public SignUpOrganizationCommand {
        Objects.requireNonNull(slug, "slug");
    }
}
