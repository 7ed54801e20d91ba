package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.ExpectedVersion;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Strong entity tags made from a resource's version column, and the If-Match preconditions that compare with
 * them. A weak or malformed tag in If-Match never matches (RFC 9110 requires strong comparison there).
 */
public final class EntityTags {
    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** What an {@code If-Match} header value (possibly absent) asks the write to find. */
    public static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedVersion.ANY;
        }
        long[] versions = Arrays.stream(header.split(","))
                .map(String::strip)
                .map(VERSION_TAG::matcher)
                .filter(java.util.regex.Matcher::matches)
                .mapToLong(matcher -> Long.parseLong(matcher.group(1)))
                .toArray();
        return ExpectedVersion.oneOf(versions);
    }
}
