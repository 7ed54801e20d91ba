package dev.tenantcore.orders.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "Order")
public record OrderResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Nullable UUID customerUserId,
        @Nullable UUID customerContactId,
        @Nullable @Schema(example = "ada@example.com") String customerEmail,
        @Schema(description = "ISO 4217, the one currency of every line", example = "EUR") String currency,
        @Schema(description = "The sum of the lines, in minor units", example = "4998") long totalMinor,
        @Schema(allowableValues = {"pending", "confirmed", "shipped", "delivered", "cancelled"}) String status,
        List<Line> lines,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {

    @Serdeable
    @Schema(name = "OrderLine")
    public record Line(
            UUID productId,
            @Schema(example = "2") int quantity,
            @Schema(description = "The product's price when the order was placed", example = "2499")
            long unitPriceMinor,
            @Schema(example = "4998") long totalMinor) {
    }
}
