package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an as-of read, a query over {@code audit_state_as_of(...)} (migration V3), and turns the database's "the log
 * does not reach back that far" into a 422 on the {@code asOf} parameter. An audited module's repository declares
 * its as-of query (see {@code TaskRowRepository.findAsOf}) and runs it through here.
 */
public final class AsOfReads {
    /** Raised by audit_state_as_of for an instant before the audit log's horizon. */
    static final String BEFORE_HORIZON = "TC001";

    private AsOfReads() {
    }

    public static <T> Optional<T> read(Supplier<Optional<T>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            if (ConstraintViolations.hasSqlState(e, BEFORE_HORIZON)) {
                throw new InvariantViolationException("asOf",
                        "asOf is before the audit log begins (or before its retention keeps events)");
            }
            throw e;
        }
    }
}
