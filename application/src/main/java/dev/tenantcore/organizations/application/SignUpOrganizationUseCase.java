package dev.tenantcore.organizations.application;

public interface SignUpOrganizationUseCase {

    /** Creates the organization and its first key in one transaction: both exist afterwards, or neither. */
    SignedUpOrganization signUp(SignUpOrganizationCommand command);
}
