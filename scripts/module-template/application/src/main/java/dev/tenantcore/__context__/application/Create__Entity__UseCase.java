package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;

public interface Create__Entity__UseCase {
    __Entity__ create(Create__Entity__Command command);
}
