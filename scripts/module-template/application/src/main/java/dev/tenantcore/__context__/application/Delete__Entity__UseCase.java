package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface Delete__Entity__UseCase {
    void delete(__Entity__Id id, ExpectedVersion expectedVersion);
}
