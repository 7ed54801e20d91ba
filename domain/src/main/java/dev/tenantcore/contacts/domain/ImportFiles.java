package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.io.InputStream;

/**
 * Where uploaded files wait for their import's job, by organization and import. Not transactional: a file is
 * stored before its import is committed and deleted once the import has ended.
 */
public interface ImportFiles {

    void store(OrganizationId organizationId, ImportId id, byte[] content);

    /** The file; an {@code IllegalStateException} if it is not there. */
    InputStream open(OrganizationId organizationId, ImportId id);

    /** Deletes the file if it is there. */
    void delete(OrganizationId organizationId, ImportId id);
}
