package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface List__Entities__UseCase {
    Page<__Entity__> list(PageRequest<__Entity__Id> page);
}
