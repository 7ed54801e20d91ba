package dev.tenantcore.shared.adapter.persistence;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Recognises why a statement failed (which constraint it violated, which SQLSTATE it raised), through the exception
 * wrappers around the driver's exception and its chained ones.
 */
public final class ConstraintViolations {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private ConstraintViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure, String constraintName) {
        return isViolation(failure, UNIQUE_VIOLATION, constraintName);
    }

    public static boolean isForeignKeyViolation(Throwable failure, String constraintName) {
        return isViolation(failure, FOREIGN_KEY_VIOLATION, constraintName);
    }

    private static boolean isViolation(Throwable failure, String sqlState, String constraintName) {
        return anySqlException(failure, sql -> sql instanceof org.postgresql.util.PSQLException psql
                && sqlState.equals(psql.getSQLState())
                && psql.getServerErrorMessage() != null
                && constraintName.equals(psql.getServerErrorMessage().getConstraint()));
    }

    public static boolean hasSqlState(Throwable failure, String sqlState) {
        return anySqlException(failure, sql -> sqlState.equals(sql.getSQLState()));
    }

    private static boolean anySqlException(Throwable failure, Predicate<SQLException> test) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (test.test(sql) || sql.getNextException() != null && anySqlException(sql.getNextException(), test))) {
                return true;
            }
        }
        return false;
    }
}
