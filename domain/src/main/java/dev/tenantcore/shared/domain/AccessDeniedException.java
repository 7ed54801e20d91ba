package dev.tenantcore.shared.domain;

/**
 * The caller's credential lacks a permission the action needs. Raised before the target is looked up, so the
 * answer is the same whether or not the target exists (here or in another organization).
 */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
