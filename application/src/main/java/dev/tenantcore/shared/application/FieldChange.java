package dev.tenantcore.shared.application;

import java.util.function.Consumer;

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

    default void ifChange(Consumer<? super T> apply) {
        if (this instanceof SetTo<T>(T value)) {
            apply.accept(value);
        }
    }

    enum Unchanged implements FieldChange<Object> {
        INSTANCE
    }

    record SetTo<T>(T value) implements FieldChange<T> {
    }
}
