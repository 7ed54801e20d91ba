package dev.tenantcore.shared.application;

import java.util.function.Function;

/**
 * One field of a partial update: left as it is, or set to a value ({@code null} clears an optional field). Keeps
 * "absent from the request" and "explicitly null" apart, which PATCH needs.
 */
public sealed interface FieldChange<T> {

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> unchanged() {
        return (FieldChange<T>) Unchanged.INSTANCE;
    }

    static <T> FieldChange<T> to(T value) {
        return new SetTo<>(value);
    }

    default boolean isChange() {
        return this instanceof SetTo<T>;
    }

    /** The new value if this is a change, else {@code current}. */
    default T orElse(T current) {
        return this instanceof SetTo<T>(T value) ? value : current;
    }

    /**
     * The same change in another type, as when an adapter turns what a client sent into domain values: unchanged
     * stays unchanged, and a change to null stays a change to null ({@code mapping} sees only values).
     */
    default <R> FieldChange<R> map(Function<? super T, ? extends R> mapping) {
        if (this instanceof SetTo<T>(T value)) {
            return to(value == null ? null : mapping.apply(value));
        }
        return unchanged();
    }

    enum Unchanged implements FieldChange<Object> {
        INSTANCE
    }

    record SetTo<T>(T value) implements FieldChange<T> {
    }
}
