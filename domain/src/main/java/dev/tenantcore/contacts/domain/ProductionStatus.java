package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Arrays;

/** Where a production stands; the code is what the API and the database speak. */
public enum ProductionStatus {
    DEVELOPMENT("development"), PRE_PRODUCTION("pre_production"), SHOOTING("shooting"), WRAP("wrap");

    private final String code;

    ProductionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ProductionStatus fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new InvariantViolationException("status",
                        "status must be one of development, pre_production, shooting, wrap"));
    }
}
