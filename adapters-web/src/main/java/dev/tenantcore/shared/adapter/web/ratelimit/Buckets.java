package dev.tenantcore.shared.adapter.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/** Where the token buckets live: in this process, or in Redis shared by every instance. */
interface Buckets extends AutoCloseable {

    /**
     * Takes one token from the bucket of {@code key} under {@code quota}, creating a full bucket if there is none.
     * Never fails: a store that cannot answer answers from somewhere else or lets the request through.
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, Quota quota);

    @Override
    default void close() {
    }
}
