package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;

public interface Get__Entity__UseCase {
    __Entity__ get(__Entity__Id id);
}
