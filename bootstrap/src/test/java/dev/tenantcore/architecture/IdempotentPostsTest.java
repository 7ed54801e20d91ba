package dev.tenantcore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import dev.tenantcore.shared.adapter.web.Idempotent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every POST of the API honours Idempotency-Key, except those listed here with the reason: the public ones have no
 * tenant to keep a key under and each refuses its own repetition, and a person's own account changes are not a
 * tenant's resources.
 */
class IdempotentPostsTest {
    static final Map<String, String> NOT_IDEMPOTENT = Map.of(
            "AuthController.token", "logging in: public, answers a new token each time, and the body is a password",
            "AuthController.refresh", "public; a refresh token is used once, a repetition is refused by rotation",
            "AuthController.logout", "public, and a repetition changes nothing",
            "OrganizationController.signUp", "public (no tenant yet); the slug is unique, a repetition answers 409",
            "InvitationAcceptanceController.accept", "public; an invitation is accepted once, a repetition answers "
                    + "409",
            "OidcController.exchange", "public; a code is exchanged once",
            "OidcController.backChannelLogout", "a provider's call, and a repetition changes nothing",
            "MeController.changePassword", "a person's own account, and the body is a password",
            "ExternalLoginController.startLink", "a person's own account: starts a login at a provider");

    @Test
    void everyPostIsIdempotentOrListedWithItsReason() {
        var missing = new TreeSet<String>();
        var listed = new TreeSet<String>();
        for (var type : ProductionClasses.imported()) {
            if (!type.isAnnotatedWith(Controller.class)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (!method.isAnnotatedWith(Post.class)) {
                    continue;
                }
                var name = type.getSimpleName() + "." + method.getName();
                if (NOT_IDEMPOTENT.containsKey(name)) {
                    listed.add(name);
                    assertThat(method.isAnnotatedWith(Idempotent.class)).as(name + " is listed as not idempotent")
                            .isFalse();
                } else if (!method.isAnnotatedWith(Idempotent.class)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("POSTs without @Idempotent (add it, or list the method here with the reason)")
                .isEmpty();
        assertThat(listed).as("listed POSTs that exist").isEqualTo(new TreeSet<>(NOT_IDEMPOTENT.keySet()));
    }
}
