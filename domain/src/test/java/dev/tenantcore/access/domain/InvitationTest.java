package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.InvitationTestData.anInvitation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    @Nested
    class Issuing {
        @Test
        void anInvitationIsPendingForSevenDaysByDefault() {
            var issued = Invitation.issue(ORGANIZATION, "  Grace@Example.com ", List.of("member", "viewer"), null, NOW);

            var invitation = issued.invitation();
            assertThat(invitation.organizationId()).isEqualTo(ORGANIZATION);
            assertThat(invitation.email()).isEqualTo("Grace@Example.com");
            assertThat(invitation.roles()).containsExactlyInAnyOrder("member", "viewer");
            assertThat(invitation.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(invitation.status(NOW)).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.version()).isEqualTo(1);
            assertThat(invitation.createdAt()).isEqualTo(NOW);
        }

        @Test
        void theInvitationKeepsOnlyTheHashOfItsToken() {
            var issued = Invitation.issue(ORGANIZATION, "grace@example.com", List.of("member"), 1, NOW);

            assertThat(issued.invitation().tokenHash()).isEqualTo(issued.token().hash());
            assertThat(issued.token().organizationId()).isEqualTo(ORGANIZATION);
            assertThat(issued.token().invitationId()).isEqualTo(issued.invitation().id());
            assertThat(issued.invitation().matches(issued.token())).isTrue();
            assertThat(issued.invitation().toString()).doesNotContain(issued.token().reveal())
                    .doesNotContain("grace@example.com");
            assertThat(issued.toString()).doesNotContain(issued.token().reveal().substring(4));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 30})
        void lifetimesFromOneToThirtyDaysAreAccepted(int days) {
            var issued = Invitation.issue(ORGANIZATION, "grace@example.com", List.of("member"), days, NOW);

            assertThat(issued.invitation().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(days)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 31, Integer.MAX_VALUE})
        void otherLifetimesAreRefused(int days) {
            assertInvalid("expiresInDays",
                    () -> Invitation.issue(ORGANIZATION, "grace@example.com", List.of("member"), days, NOW));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "grace", "grace@", "@example.com", "gr ace@example.com", "a@b@c",
                "grace@exa\u0000mple.com"})
        void addressesThatCannotBeOneAreRefused(String email) {
            assertInvalid("email", () -> Invitation.issue(ORGANIZATION, email, List.of("member"), null, NOW));
        }

        @Test
        void anOverlongAddressIsRefused() {
            var email = "a".repeat(64) + "@" + "b".repeat(190) + ".com";

            assertInvalid("email", () -> Invitation.issue(ORGANIZATION, email, List.of("member"), null, NOW));
        }

        @Test
        void rolesMustBeNamed() {
            assertInvalid("roles", () -> Invitation.issue(ORGANIZATION, "grace@example.com", null, null, NOW));
            assertInvalid("roles", () -> Invitation.issue(ORGANIZATION, "grace@example.com", List.of(), null, NOW));
            assertInvalid("roles", () -> Invitation.issue(ORGANIZATION, "grace@example.com",
                    Arrays.asList("member", null), null, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Admin", "-member", "has space", "a/b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
        void roleNamesOutsideTheRolesRuleAreRefused(String name) {
            assertInvalid("roles",
                    () -> Invitation.issue(ORGANIZATION, "grace@example.com", List.of("member", name), null, NOW));
        }

        @Test
        void aRoleNamedTwiceCountsOnce() {
            var issued = Invitation.issue(ORGANIZATION, "grace@example.com", List.of("member", "member"), null, NOW);

            assertThat(issued.invitation().roles()).containsExactly("member");
        }

        @Test
        void atMostTwentyRoles() {
            var twenty = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> "role-" + i).toList());
            assertThat(Invitation.issue(ORGANIZATION, "grace@example.com", twenty, null, NOW).invitation().roles())
                    .hasSize(20);

            twenty.add("one-more");
            assertInvalid("roles", () -> Invitation.issue(ORGANIZATION, "grace@example.com", twenty, null, NOW));
        }
    }

    @Nested
    class Status {
        @Test
        void pendingUntilTheExpiryThenExpired() {
            var invitation = anInvitation().withExpiresAt(NOW).build();

            assertThat(invitation.status(NOW.minusNanos(1000))).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.status(NOW)).isEqualTo(InvitationStatus.EXPIRED);
        }

        @Test
        void acceptedAndRevokedStayThatWayAfterTheExpiry() {
            var accepted = anInvitation().withExpiresAt(NOW).acceptedBy(UserId.generate(), NOW.minusSeconds(5))
                    .build();
            var revoked = anInvitation().withExpiresAt(NOW).withRevokedAt(NOW.minusSeconds(5)).build();

            assertThat(accepted.status(NOW.plusSeconds(60))).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(revoked.status(NOW.plusSeconds(60))).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        void statusCodesAreLowerCase() {
            assertThat(Arrays.stream(InvitationStatus.values()).map(InvitationStatus::code))
                    .containsExactly("pending", "accepted", "revoked", "expired");
        }
    }

    @Nested
    class Accepting {
        @Test
        void acceptingRecordsWhoAndWhenAndClearsTheAddress() {
            var user = UserId.generate();
            var invitation = anInvitation().withExpiresAt(NOW.plusSeconds(1)).build();

            var accepted = invitation.accepted(user, NOW);

            assertThat(accepted.acceptedBy()).isEqualTo(user);
            assertThat(accepted.acceptedAt()).isEqualTo(NOW);
            assertThat(accepted.email()).isNull();
            assertThat(accepted.roles()).isEqualTo(invitation.roles());
            assertThat(accepted.version()).isEqualTo(invitation.version());
            assertThat(accepted.status(NOW)).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(accepted.isOpen()).isFalse();
        }

        @Test
        void anExpiredInvitationCannotBeAccepted() {
            var invitation = anInvitation().withExpiresAt(NOW).build();

            assertConflict(() -> invitation.accepted(UserId.generate(), NOW), "expired");
        }

        @Test
        void aRevokedInvitationCannotBeAccepted() {
            var invitation = anInvitation().withRevokedAt(NOW.minusSeconds(1)).build();

            assertConflict(() -> invitation.accepted(UserId.generate(), NOW.minusSeconds(1)), "revoked");
        }

        @Test
        void anInvitationIsAcceptedOnce() {
            var invitation = anInvitation().acceptedBy(UserId.generate(), NOW.minus(Duration.ofDays(1))).build();

            assertConflict(() -> invitation.accepted(UserId.generate(), NOW.minus(Duration.ofDays(1))), "accepted");
        }
    }

    @Nested
    class Revoking {
        @Test
        void revokingKeepsTheAddressAndClosesTheInvitation() {
            var invitation = anInvitation().build();

            var revoked = invitation.revoked(NOW);

            assertThat(revoked.revokedAt()).isEqualTo(NOW);
            assertThat(revoked.email()).isEqualTo(invitation.email());
            assertThat(revoked.isOpen()).isFalse();
        }

        @Test
        void revokingTwiceChangesNothing() {
            var revoked = anInvitation().withRevokedAt(NOW).build();

            assertThat(revoked.revoked(NOW.plusSeconds(60))).isSameAs(revoked);
        }

        @Test
        void anExpiredInvitationCanBeRevoked() {
            var expired = anInvitation().withExpiresAt(NOW.minusSeconds(1)).build();

            assertThat(expired.revoked(NOW).status(NOW)).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        void anAcceptedInvitationCannotBeRevoked() {
            var accepted = anInvitation().acceptedBy(UserId.generate(), NOW).build();

            assertConflict(() -> accepted.revoked(NOW), "accepted");
        }
    }

    @Nested
    class Tokens {
        @Test
        void onlyItsOwnTokenMatches() {
            var builder = anInvitation();
            var invitation = builder.build();

            assertThat(invitation.matches(builder.token())).isTrue();
            assertThat(invitation.matches(anInvitation().withId(invitation.id())
                    .withOrganizationId(invitation.organizationId()).token()))
                    .as("same ids, another secret").isFalse();
        }

        @Test
        void aTokenForTheSameSecretUnderAnotherOrganizationOrIdDoesNotMatch() {
            var builder = anInvitation();
            var invitation = builder.build();
            var token = builder.token();
            var moved = new Invitation(invitation.id(), OrganizationId.generate(), invitation.email(),
                    invitation.roles(), invitation.tokenHash(), invitation.expiresAt(), null, null, null, 1,
                    invitation.createdAt(), invitation.updatedAt());
            var renamed = new Invitation(InvitationId.generate(), invitation.organizationId(), invitation.email(),
                    invitation.roles(), invitation.tokenHash(), invitation.expiresAt(), null, null, null, 1,
                    invitation.createdAt(), invitation.updatedAt());

            assertThat(moved.matches(token)).isFalse();
            assertThat(renamed.matches(token)).isFalse();
        }
    }

    @Nested
    class Reconstitution {
        @Test
        void theAddressIsKeptUntilAndOnlyUntilAccepted() {
            var builder = anInvitation();
            var invitation = builder.build();

            assertThatThrownBy(() -> new Invitation(invitation.id(), invitation.organizationId(), null,
                    invitation.roles(), invitation.tokenHash(), invitation.expiresAt(), null, null, null, 1, NOW, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Invitation(invitation.id(), invitation.organizationId(), "a@b.c",
                    invitation.roles(), invitation.tokenHash(), invitation.expiresAt(), NOW, UserId.generate(),
                    null, 1, NOW, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void acceptedAndRevokedAreExclusive() {
            var invitation = anInvitation().build();

            assertThatThrownBy(() -> new Invitation(invitation.id(), invitation.organizationId(), null,
                    invitation.roles(), invitation.tokenHash(), invitation.expiresAt(), NOW, UserId.generate(), NOW,
                    1, NOW, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aStoredInvitationMayHaveLostItsRoles() {
            assertThat(anInvitation().withRoles().build().roles()).isEmpty();
        }

        @Test
        void theHashIsCopiedInAndOut() {
            var invitation = anInvitation().build();
            var hash = invitation.tokenHash();
            hash[0] ^= 1;

            assertThat(invitation.tokenHash()).isNotEqualTo(hash);
            assertThat(invitation).isEqualTo(new Invitation(invitation.id(), invitation.organizationId(),
                    invitation.email(), Set.copyOf(invitation.roles()), invitation.tokenHash(),
                    invitation.expiresAt(), null, null, null, 1, invitation.createdAt(), invitation.updatedAt()));
        }
    }

    private static void assertInvalid(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvariantViolationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOf(ConflictException.class).hasMessageContaining(why);
    }
}
