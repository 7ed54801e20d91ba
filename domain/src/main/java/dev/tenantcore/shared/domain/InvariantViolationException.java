package dev.tenantcore.shared.domain;

/** A value that breaks an aggregate's rule, named by the field that carries it. */
public final class InvariantViolationException extends DomainException {
    private final String field;

    public InvariantViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
