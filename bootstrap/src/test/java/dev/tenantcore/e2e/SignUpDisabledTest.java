package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "tenantcore.signup.enabled", value = "false")
class SignUpDisabledTest extends ServiceTest {

    @Test
    void signUpIsRefusedWhenSwitchedOff() {
        var response = api.post("/v1/organizations", "{\"name\":\"Nope\",\"slug\":\"signup-disabled\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.string("detail")).isEqualTo("Sign-up is disabled on this server.");
    }
}
