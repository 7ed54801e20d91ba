package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;

public interface Update__Entity__UseCase {
    __Entity__ update(Update__Entity__Command command);
}
