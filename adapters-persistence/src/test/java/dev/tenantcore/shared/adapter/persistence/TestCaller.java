package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The caller for persistence tests, which have no web adapter to take it from a request: {@link Caller#SYSTEM}
 * unless a test runs its work {@link #as} someone. Secondary, so the web adapter's wins wherever it is present.
 */
@Singleton
@Secondary
public final class TestCaller implements CurrentCaller {
    private static final ThreadLocal<Caller> CURRENT = ThreadLocal.withInitial(() -> Caller.SYSTEM);

    @Override
    public Caller caller() {
        return CURRENT.get();
    }

    public static <T> T as(Caller caller, Supplier<T> work) {
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }
}
