package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.UUID;

/** MapStruct conversions shared by every context's row mapper ({@code @Mapper(uses = PersistedIds.class)}). */
public final class PersistedIds {
    /** The bound above every id: "older than this" selects the first page of a newest-first keyset scan. */
    public static final UUID NEWEST = new UUID(-1L, -1L);

    private PersistedIds() {
    }

    public static OrganizationId organizationId(UUID value) {
        return new OrganizationId(value);
    }

    public static UUID uuid(OrganizationId id) {
        return id.value();
    }
}
