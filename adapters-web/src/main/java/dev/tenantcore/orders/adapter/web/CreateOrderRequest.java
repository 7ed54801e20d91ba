package dev.tenantcore.orders.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "CreateOrderRequest", description = "Exactly one of customerUserId, customerContactId and customerEmail")
public record CreateOrderRequest(
        @Nullable @Schema(description = "A member's user id") UUID customerUserId,
        @Nullable @Schema(description = "A contact's id") UUID customerContactId,
        @Nullable @Size(max = 254) @Schema(description = "The address of a customer who is neither",
                example = "ada@example.com") String customerEmail,
        @NotEmpty @Size(max = 100) @Valid List<Line> lines) {

    @Serdeable
    @Schema(name = "CreateOrderLine")
    public record Line(
            @NotNull @Schema(description = "A product of the organization's catalog") UUID productId,
            @NotNull @Min(1) @Max(1_000_000) @Schema(example = "2") Integer quantity) {
    }
}
