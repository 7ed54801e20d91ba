package dev.tenantcore.shared.domain;

/** The request is valid but conflicts with the current state (a taken slug, a concurrent change). */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
