package dev.tenantcore.shared.domain;

/**
 * The resource does not exist for the caller's organization. Deliberately says nothing about whether it exists
 * elsewhere: another tenant's id, a deleted id and a random id must be indistinguishable.
 */
public final class ResourceNotFoundException extends DomainException {
    private final String resource;

    public ResourceNotFoundException(String resource) {
        super(resource + " not found");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
