package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.regex.Pattern;

/** An organization's public handle: 3-63 characters of lower-case letters, digits and hyphens, unique. */
public record Slug(String value) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9-]{3,63}");

    public Slug {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvariantViolationException("slug", "slug must be 3-63 characters of a-z, 0-9 and '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
