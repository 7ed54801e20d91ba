package dev.tenantcore.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "ExternalLinkStart", description = "Where to send the browser to confirm the link at the provider")
public record ExternalLinkStartResponse(
        @Schema(description = "The provider's authorization URL; the callback finishes the link and answers with "
                + "the new link") String authorizationUrl) {
}
