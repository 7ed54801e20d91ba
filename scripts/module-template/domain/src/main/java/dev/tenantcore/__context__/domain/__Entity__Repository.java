package dev.tenantcore.__context__.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** The organization's __entity_words_plural__. Every method runs inside the caller's tenant transaction. */
public interface __Entity__Repository {

    /** Stores a new __entity_words__; returns it as stored, with the database's timestamps. */
    __Entity__ insert(__Entity__ __entity__);

    Optional<__Entity__> findById(OrganizationId organizationId, __Entity__Id id);

    /** Newest first, after {@code page.after()}. */
    Page<__Entity__> list(OrganizationId organizationId, PageRequest<__Entity__Id> page);

    /** Writes the new fields if the stored version is still {@code __entity__.version()}; empty otherwise. */
    Optional<__Entity__> update(__Entity__ __entity__);

    /** Deletes the __entity_words__ if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, __Entity__Id id, long version);
}
