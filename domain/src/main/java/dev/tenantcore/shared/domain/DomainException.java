package dev.tenantcore.shared.domain;

/** Base of the errors the domain and the use cases raise on purpose; adapters map each kind to a response. */
public abstract sealed class DomainException extends RuntimeException
        permits InvariantViolationException, ResourceNotFoundException, ConflictException, StaleVersionException,
        AccessDeniedException, AuthenticationFailedException, TooManyAttemptsException {

    protected DomainException(String message) {
        super(message);
    }
}
