package dev.tenantcore.webhooks.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only IP literals here: no test depends on the DNS of the machine it runs on. */
class WebhookTargetPolicyTest {
    private final WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of());

    @Test
    void nonPublicAddressesAreRefusedInEveryForm() {
        for (var url : List.of("https://127.0.0.1/", "https://127.1.2.3/", "https://[::1]/", "https://0.0.0.0/",
                "https://[::]/", "https://10.0.0.1/", "https://172.31.255.255/", "https://192.168.0.1/",
                "https://169.254.169.254/", "https://100.64.0.1/", "https://224.0.0.251/", "https://255.255.255.255/",
                "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://[ff02::1]/", "https://[::ffff:10.0.0.1]/",
                "https://[::ffff:7f00:1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[::127.0.0.1]/",
                "https://[2001:db8::1]/", "https://198.18.0.1/")) {
            assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOf(InvariantViolationException.class)
                    .hasMessageContaining("not a public address");
        }
    }

    @Test
    void publicHttpsAddressesPassAndPlainHttpDoesNot() {
        assertThatCode(() -> policy.check("https://8.8.8.8/hook")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("https://[2606:4700:4700::1111]/hook")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("http://8.8.8.8/hook")).isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("https");
    }

    @Test
    void theAllowListAdmitsItsRangesAndNamesOverHttpToo() {
        var allowing = new WebhookTargetPolicy(List.of("10.20.0.0/16", " 127.0.0.1 ", "hooks.internal"));
        assertThat(allowing.addressesToConnectTo("http://10.20.3.4:8080/in")).hasSize(1);
        assertThatCode(() -> allowing.check("https://127.0.0.1/")).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.check("https://10.21.0.1/")).isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> allowing.check("https://[::1]/")).isInstanceOf(InvariantViolationException.class);
    }
}
