package dev.tenantcore.organizations.application;

import dev.tenantcore.shared.domain.ExpectedVersion;
import java.util.Objects;

public record RenameOrganizationCommand(String name, ExpectedVersion expectedVersion) {
    public RenameOrganizationCommand {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
