package dev.tenantcore.organizations.application;

import dev.tenantcore.shared.domain.OrganizationId;

/**
 * What a context prepares for every new organization (contacts: its default departments). Sign-up runs each bean
 * that implements it inside its own transaction, whose tenant is the new organization, so a failing step leaves no
 * organization behind; the organizations context knows none of them, and no context depends back on the ones that
 * hook in here.
 */
public interface OrganizationSetup {

    /** Writes the new organization's starting data; runs inside the sign-up's tenant transaction. */
    void prepare(OrganizationId organizationId);
}
