package dev.tenantcore.shared.domain;

/**
 * What a conditional write expects to find: any version (no If-Match, or If-Match: *), or exactly one of a set.
 */
public sealed interface ExpectedVersion {

    ExpectedVersion ANY = new Any();

    /** Throws {@link StaleVersionException} unless {@code current} is acceptable. */
    void check(long current);

    static ExpectedVersion exactly(long version) {
        return new OneOf(new long[] {version});
    }

    static ExpectedVersion oneOf(long... versions) {
        return new OneOf(versions.clone());
    }

    record Any() implements ExpectedVersion {
        @Override
        public void check(long current) {
        }
    }

    record OneOf(long[] versions) implements ExpectedVersion {
        @Override
        public void check(long current) {
            for (long version : versions) {
                if (version == current) {
                    return;
                }
            }
            throw new StaleVersionException(current);
        }
    }
}
