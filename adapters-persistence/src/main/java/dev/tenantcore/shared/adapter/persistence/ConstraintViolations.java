package dev.tenantcore.shared.adapter.persistence;

import java.sql.SQLException;

/** Recognises which constraint a failed statement violated, through the exception wrappers around it. */
public final class ConstraintViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private ConstraintViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure, String constraintName) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException psql
                    && UNIQUE_VIOLATION.equals(psql.getSQLState())
                    && psql.getServerErrorMessage() != null
                    && constraintName.equals(psql.getServerErrorMessage().getConstraint())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && isUniqueViolation(sql.getNextException(), constraintName)) {
                return true;
            }
        }
        return false;
    }
}
