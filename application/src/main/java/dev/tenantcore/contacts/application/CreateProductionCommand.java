package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.domain.Text;
import java.time.LocalDate;
import java.util.Objects;

/** A new production for the caller's organization; a null status is development, null dates are none. */
public record CreateProductionCommand(String name, String code, ProductionStatus status, LocalDate startDate,
        LocalDate endDate, JsonFields metadata) {
    public CreateProductionCommand {
        name = Text.required("name", name, Production.NAME_MAX_LENGTH);
        code = Text.required("code", code, Production.CODE_MAX_LENGTH);
        status = Objects.requireNonNullElse(status, ProductionStatus.DEVELOPMENT);
        metadata = Objects.requireNonNullElse(metadata, JsonFields.EMPTY);
    }
}
