package dev.tenantcore.audit.adapter.web;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Turns a blocking producer (a use case that pushes items to a consumer inside its database transaction) into a
 * streamed NDJSON body with backpressure: the producer runs on the blocking executor, writes lines into chunks of
 * about {@value #CHUNK_BYTES} bytes, and waits whenever the client has not asked for the next chunk, so memory
 * holds a chunk or two however long the export is. A client that goes away stops the producer (and rolls its
 * read-only transaction back).
 */
@Singleton
final class NdjsonStreams {
    static final int CHUNK_BYTES = 32 * 1024;
    /** How long a stalled client may keep a transaction open before the export gives up. */
    private static final long MAX_WAIT_SECONDS = 60;

    private final JsonMapper json;
    private final ExecutorService blocking;

    NdjsonStreams(JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.json = json;
        this.blocking = blocking;
    }

    /** A producer of items: it calls the given consumer once per item and returns when done. */
    interface Producer<T> {
        void produce(Consumer<T> sink);
    }

    <T> Publisher<byte[]> stream(Producer<T> producer) {
        var context = PropagatedContext.getOrEmpty(); // the request, its authentication: the tenant
        return Flux.create(sink -> {
            var demand = new Semaphore(0);
            sink.onRequest(n -> demand.release((int) Math.min(n, Integer.MAX_VALUE / 2)));
            blocking.execute(context.wrap(() -> run(producer, sink, demand)));
        }, FluxSink.OverflowStrategy.ERROR);
    }

    private <T> void run(Producer<T> producer, FluxSink<byte[]> sink, Semaphore demand) {
        var chunk = new ByteArrayOutputStream(CHUNK_BYTES + 1024);
        try {
            producer.produce(item -> {
                writeLine(chunk, item);
                if (chunk.size() >= CHUNK_BYTES) {
                    emit(sink, demand, chunk);
                }
            });
            if (chunk.size() > 0) {
                emit(sink, demand, chunk);
            }
            sink.complete();
        } catch (ClientGone e) {
            // nothing to tell anyone: the reader has left
        } catch (RuntimeException e) {
            sink.error(e);
        }
    }

    private <T> void writeLine(ByteArrayOutputStream chunk, T item) {
        try {
            chunk.write(json.writeValueAsBytes(item));
            chunk.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emit(FluxSink<byte[]> sink, Semaphore demand, ByteArrayOutputStream chunk) {
        try {
            // Checks for a departed client every second; a client that neither reads nor leaves is dropped.
            for (long waited = 0; !demand.tryAcquire(1, TimeUnit.SECONDS); waited++) {
                if (sink.isCancelled() || waited >= MAX_WAIT_SECONDS) {
                    throw new ClientGone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientGone();
        }
        if (sink.isCancelled()) {
            throw new ClientGone();
        }
        sink.next(chunk.toByteArray());
        chunk.reset();
    }

    /** Ends the producer's work when the client stopped reading; unchecked so it passes through the use case. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("the client stopped reading", null, false, false);
        }
    }
}
