package dev.tenantcore.shared.domain;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What a conditional write expects to find: any version (no If-Match, or If-Match: *), or exactly one of a set.
 */
public sealed interface ExpectedVersion {

    ExpectedVersion ANY = new Any();

    /** Throws {@link StaleVersionException} unless {@code current} is acceptable. */
    void check(long current);

    static ExpectedVersion exactly(long version) {
        return new OneOf(Set.of(version));
    }

    /** With no versions at all nothing matches: an If-Match naming no usable tag always fails. */
    static ExpectedVersion oneOf(long... versions) {
        return new OneOf(LongStream.of(versions).boxed().collect(Collectors.toUnmodifiableSet()));
    }

    record Any() implements ExpectedVersion {
        @Override
        public void check(long current) {
        }
    }

    record OneOf(Set<Long> versions) implements ExpectedVersion {
        public OneOf {
            versions = Set.copyOf(versions);
        }

        @Override
        public void check(long current) {
            if (!versions.contains(current)) {
                throw new StaleVersionException(current);
            }
        }
    }
}
