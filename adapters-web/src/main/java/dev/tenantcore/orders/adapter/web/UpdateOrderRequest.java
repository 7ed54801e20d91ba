package dev.tenantcore.orders.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Serdeable
@Schema(name = "UpdateOrderRequest", description = "Moves the order to another status")
public record UpdateOrderRequest(
        @NotNull @Pattern(regexp = "pending|confirmed|shipped|delivered|cancelled",
                message = "must be pending, confirmed, shipped, delivered or cancelled")
        @Schema(allowableValues = {"pending", "confirmed", "shipped", "delivered", "cancelled"},
                description = "pending → confirmed → shipped → delivered; cancelled until shipped (the stock returns)")
        String status) {
}
