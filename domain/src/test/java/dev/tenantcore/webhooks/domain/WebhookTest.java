package dev.tenantcore.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    @Test
    void eventTypesAreKeptSortedWithoutRepeats() {
        var webhook = Webhook.create(ORGANIZATION, "https://hooks.example.com/in", List.of("task.updated",
                "task.created", "task.updated"), true, NOW);
        assertThat(webhook.eventTypes()).containsExactly("task.created", "task.updated");
        assertThat(webhook.version()).isEqualTo(1);
    }

    @Test
    void unknownOrNoEventTypesAreRefused() {
        assertThatThrownBy(() -> Webhook.create(ORGANIZATION, "https://hooks.example.com/", List.of("task.eaten"),
                true, NOW)).isInstanceOf(InvariantViolationException.class).hasMessageContaining("task.eaten");
        assertThatThrownBy(() -> Webhook.create(ORGANIZATION, "https://hooks.example.com/", List.of(), true, NOW))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void theUrlMustBeAnAbsoluteHttpUrlWithoutCredentials() {
        for (var url : List.of("ftp://example.com/", "/relative", "https://user:pw@example.com/",
                "https://example.com/#fragment", "not a url", "https:///no-host", " ")) {
            assertThatThrownBy(() -> Webhook.create(ORGANIZATION, url, List.of("task.created"), true, NOW))
                    .as(url).isInstanceOf(InvariantViolationException.class);
        }
    }

    @Test
    void enablingAgainClearsAnAutomaticDisabling() {
        var disabled = Webhook.reconstitute(WebhookId.generate(), ORGANIZATION, "https://hooks.example.com/",
                List.of("task.created"), false, NOW, 3, NOW, NOW);
        assertThat(disabled.revised(disabled.url(), disabled.eventTypes(), false).disabledAt()).isEqualTo(NOW);
        assertThat(disabled.revised(disabled.url(), disabled.eventTypes(), true).disabledAt()).isNull();
    }
}
