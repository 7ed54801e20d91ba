package dev.tenantcore.apikeys.application;

import static dev.tenantcore.apikeys.domain.ApiKeyTestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.application.TestAccessServices;
import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.TestPermissions;
import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyCredential;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.apikeys.domain.ApiKeyPermissions;
import dev.tenantcore.apikeys.domain.ApiKeyToken;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyServiceTest {
    private static final Set<Permission> ALL_PERMISSIONS = TestPermissions.ALL;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-02-01T08:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions, clock);
    private final InMemoryApiKeyCredentials credentials = new InMemoryApiKeyCredentials(keys, clock);
    private final TestAccessServices access = new TestAccessServices(transactions, clock);
    /** The key the pretend request authenticates with; it holds the owner role only where a test grants it. */
    private final Actor callerKey = Actor.apiKey(ApiKeyId.generate().value());
    private final CurrentCaller caller = () -> new Caller(callerKey, null, null, null);
    private final ApiKeyService service = serviceFor(FixedCurrentTenant.of(tenant));
    /** Authentication comes before any tenant is known, so it must work without one. */
    private final ApiKeyService unauthenticated = serviceFor(FixedCurrentTenant.unauthenticated());

    private ApiKeyService serviceFor(FixedCurrentTenant currentTenant) {
        return new ApiKeyService(keys, credentials, access.apiKeyRolesFor(currentTenant, caller), transactions,
                currentTenant, clock);
    }

    private List<String> roleNamesOf(ApiKeyId key, OrganizationId organizationId) {
        return access.apiKeyRoles.stored(organizationId, Actor.apiKey(key.value())).stream()
                .map(role -> access.roles.stored(role).orElseThrow().name()).sorted().toList();
    }

    private ApiKey given(ApiKey key) {
        keys.given(key);
        return key;
    }

    /** A token with the right prefix but another secret. */
    private static String withAnotherSecret(ApiKeyToken token) {
        var otherSecret = ApiKeyToken.generate().reveal().substring(("tc_" + token.prefix() + "_").length());
        return "tc_" + token.prefix() + "_" + otherSecret;
    }

    @Nested
    class Issue {

        @Test
        void storesAKeyForTheCurrentTenantWhoseHashMatchesTheToken() {
            var expiresAt = NOW.plus(Duration.ofDays(30));

            var issued = service.issue(new IssueApiKeyCommand("CI pipeline", expiresAt, null)).issued();

            var stored = keys.stored(issued.key().id()).orElseThrow();
            assertThat(stored).isEqualTo(issued.key());
            assertThat(stored.organizationId()).isEqualTo(tenant);
            assertThat(stored.name()).isEqualTo("CI pipeline");
            assertThat(stored.expiresAt()).isEqualTo(expiresAt);
            assertThat(stored.revokedAt()).isNull();
            assertThat(stored.lastUsedAt()).isNull();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.createdAt()).isEqualTo(NOW);
            assertThat(stored.prefix()).isEqualTo(issued.token().prefix());
            assertThat(issued.token().matches(stored.secretHash())).isTrue();
            assertThat(issued.token().reveal()).startsWith("tc_" + stored.prefix() + "_");
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void withoutAnExpiryTheKeyNeverExpires() {
            var issued = service.issue(new IssueApiKeyCommand("forever", null, null)).issued();

            assertThat(keys.stored(issued.key().id()).orElseThrow().expiresAt()).isNull();
        }

        @Test
        void anExpiryInThePastIsRejectedBeforeAnythingIsWritten() {
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("late", NOW.minusSeconds(1), null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("expiresAt"));

            assertThat(keys.writes()).isEmpty();
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anExpiryOfExactlyNowIsRejected() {
            // A key that expires as it is issued could never be used.
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("instant", NOW, null)))
                    .isInstanceOf(InvariantViolationException.class);
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aBlankNameIsRejected() {
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("  ", null, null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void eachKeyGetsItsOwnToken() {
            var first = service.issue(new IssueApiKeyCommand("one", null, null)).issued();
            var second = service.issue(new IssueApiKeyCommand("two", null, null)).issued();

            assertThat(first.token().reveal()).isNotEqualTo(second.token().reveal());
            assertThat(first.key().id()).isNotEqualTo(second.key().id());
        }

        @Test
        void aKeyActsAsAMemberUnlessRolesAreNamed() {
            var plain = service.issue(new IssueApiKeyCommand("plain", null, null));
            var named = service.issue(new IssueApiKeyCommand("named", null, Set.of("viewer", "admin")));

            assertThat(plain.roles()).containsExactly("member");
            assertThat(roleNamesOf(plain.issued().key().id(), tenant)).containsExactly("member");
            assertThat(named.roles()).containsExactly("admin", "viewer");
            assertThat(roleNamesOf(named.issued().key().id(), tenant)).containsExactly("admin", "viewer");
        }

        @Test
        void anUnknownRoleIsAnInvalidRolesFieldAndNoKeyIsLeft() {
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("k", null, Set.of("member", "wizard"))))
                    .isInstanceOfSatisfying(InvariantViolationException.class, e -> {
                        assertThat(e.field()).isEqualTo("roles");
                        assertThat(e.getMessage()).contains("'wizard'").doesNotContain("'member'");
                    });

            assertThat(keys.all()).isEmpty();
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void noRolesAtAllIsAnInvalidRolesField() {
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("k", null, Set.of())))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("roles"));
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aCallerCannotIssueAKeyWithPermissionsItLacks() {
            // This key may manage keys and read tasks, so it may hand out nothing that writes tasks.
            var limited = serviceFor(FixedCurrentTenant.of(tenant).withOnly(ApiKeyPermissions.MANAGE,
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ));

            assertThat(limited.issue(new IssueApiKeyCommand("reader", null, Set.of("viewer"))).roles())
                    .containsExactly("viewer");
            assertThatThrownBy(() -> limited.issue(new IssueApiKeyCommand("writer", null, null)))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("tasks:write");
            assertThat(keys.all()).hasSize(1);
        }

        @Test
        void onlyAnOwnerMayIssueAnOwnerKey() {
            assertThatThrownBy(() -> service.issue(new IssueApiKeyCommand("root", null, Set.of("owner"))))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("only an owner");
            assertThat(keys.all()).isEmpty();

            transactions.write(tenant, () -> {
                access.apiKeyRoles.grant(tenant, callerKey,
                        Set.of(access.roles.builtin(tenant, BuiltinRole.OWNER).id()));
                return null;
            });
            var root = service.issue(new IssueApiKeyCommand("root", null, Set.of("owner")));

            assertThat(root.roles()).containsExactly("owner");
        }

        @Test
        void withoutThePermissionToManageKeysNothingIsLookedUpOrWritten() {
            var reader = serviceFor(FixedCurrentTenant.of(tenant).withOnly(ApiKeyPermissions.READ));

            assertThatThrownBy(() -> reader.issue(new IssueApiKeyCommand("k", null, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void issueForUsesTheGivenOrganizationNotTheCurrentTenant() {
            // Provisioning serves sign-up, where nobody is authenticated yet.
            var issued = unauthenticated.issueFor(otherTenant, "default");

            assertThat(issued.key().organizationId()).isEqualTo(otherTenant);
            assertThat(issued.key().expiresAt()).isNull();
            assertThat(keys.all()).containsExactly(issued.key());
            assertThat(roleNamesOf(issued.key().id(), otherTenant)).containsExactly("admin");
            assertThat(transactions.onlyTransaction())
                    .isEqualTo(new Transaction(otherTenant, false, Outcome.COMMITTED));
        }

        @Test
        void issueForJoinsAnOuterTransactionForTheSameOrganization() {
            var issued = transactions.write(otherTenant, () -> unauthenticated.issueFor(otherTenant, "default"));

            assertThat(transactions.onlyTransaction().organizationId()).isEqualTo(otherTenant);
            assertThat(keys.all()).containsExactly(issued.key());
        }
    }

    @Nested
    class Listing {

        @Test
        void returnsTheCallersKeysNewestFirstRevokedIncludedInAReadOnlyTransaction() {
            var oldest = given(anApiKey().withOrganizationId(tenant).build());
            given(anApiKey().withOrganizationId(otherTenant).build());
            var revoked = given(anApiKey().withOrganizationId(tenant).withRevokedAt(EARLIER).build());
            var newest = given(anApiKey().withOrganizationId(tenant).build());

            var page = service.list(PageRequest.first(10));

            assertThat(page.items()).extracting(ApiKeyWithRoles::key).containsExactly(newest, revoked, oldest);
            assertThat(page.hasMore()).isFalse();
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, true, Outcome.COMMITTED));
        }

        @Test
        void showsEachKeysRoles() {
            var admin = service.issue(new IssueApiKeyCommand("admin", null, Set.of("admin"))).issued().key();
            var viewer = service.issue(new IssueApiKeyCommand("viewer", null, Set.of("viewer", "member")))
                    .issued().key();

            var page = service.list(PageRequest.first(10));

            assertThat(page.items()).containsExactly(new ApiKeyWithRoles(viewer, List.of("member", "viewer")),
                    new ApiKeyWithRoles(admin, List.of("admin")));
        }

        @Test
        void pagesAfterTheLastKeyOfThePreviousPage() {
            var first = given(anApiKey().withOrganizationId(tenant).build());
            var second = given(anApiKey().withOrganizationId(tenant).build());
            var third = given(anApiKey().withOrganizationId(tenant).build());

            var firstPage = service.list(PageRequest.first(2));
            var nextPage = service.list(new PageRequest<>(firstPage.last().key().id(), 2));

            assertThat(firstPage.items()).extracting(ApiKeyWithRoles::key).containsExactly(third, second);
            assertThat(firstPage.hasMore()).isTrue();
            assertThat(nextPage.items()).extracting(ApiKeyWithRoles::key).containsExactly(first);
            assertThat(nextPage.hasMore()).isFalse();
        }
    }

    @Nested
    class Revoke {

        @Test
        void setsRevokedAtToNowAndBumpsTheVersionInAWriteTransaction() {
            var key = given(anApiKey().withOrganizationId(tenant).withVersion(1).build());

            service.revoke(key.id(), ExpectedVersion.exactly(1));

            var stored = keys.stored(key.id()).orElseThrow();
            assertThat(stored.revokedAt()).isEqualTo(NOW);
            assertThat(stored.version()).isEqualTo(2);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void aRevokedKeyNoLongerAuthenticates() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token).build());
            assertThat(unauthenticated.authenticate(token.reveal())).isPresent();

            service.revoke(key.id(), ExpectedVersion.ANY);

            assertThat(unauthenticated.authenticate(token.reveal())).isEmpty();
        }

        @Test
        void revokingForgetsWhatAuthenticationKeptOfTheKeyOnceCommitted() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token).build());

            service.revoke(key.id(), ExpectedVersion.ANY);

            assertThat(credentials.forgottenPrefixes()).containsExactly(token.prefix());
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void aRefusedRevocationForgetsNothing() {
            var key = given(anApiKey().withOrganizationId(tenant).build());

            assertThatThrownBy(() -> service.revoke(key.id(), ExpectedVersion.exactly(7)))
                    .isInstanceOf(StaleVersionException.class);

            assertThat(credentials.forgottenPrefixes()).isEmpty();
        }

        @Test
        void revokingTwiceWritesOnceAndKeepsTheFirstRevocationTime() {
            var key = given(anApiKey().withOrganizationId(tenant).build());

            service.revoke(key.id(), ExpectedVersion.ANY);
            var afterFirst = keys.stored(key.id()).orElseThrow();
            service.revoke(key.id(), ExpectedVersion.ANY);

            assertThat(keys.writes()).containsExactly("updateRevocation " + key.id());
            assertThat(keys.stored(key.id())).contains(afterFirst);
        }

        @Test
        void revokingAnAlreadyRevokedKeyWritesNothing() {
            var key = given(anApiKey().withOrganizationId(tenant).withRevokedAt(EARLIER).withVersion(2).build());

            service.revoke(key.id(), ExpectedVersion.exactly(2));

            assertThat(keys.writes()).isEmpty();
            assertThat(keys.stored(key.id())).contains(key);
        }

        @Test
        void retryingASuccessfulRevocationWithTheSameIfMatchIsHarmless() {
            var key = given(anApiKey().withOrganizationId(tenant).withVersion(1).build());
            service.revoke(key.id(), ExpectedVersion.exactly(1));

            service.revoke(key.id(), ExpectedVersion.exactly(1));

            assertThat(keys.stored(key.id()).orElseThrow().revokedAt()).isEqualTo(NOW);
        }

        @Test
        void aRevocationByAnotherRequestMeanwhileIsNotAConflict() {
            var key = given(anApiKey().withOrganizationId(tenant).withVersion(1).build());
            keys.beforeNextRevocation(() -> keys.given(anApiKey().withId(key.id()).withOrganizationId(tenant)
                    .withRevokedAt(EARLIER).withVersion(2).build()));

            service.revoke(key.id(), ExpectedVersion.ANY);

            assertThat(keys.stored(key.id()).orElseThrow().revokedAt()).isEqualTo(EARLIER);
        }

        @Test
        void aStaleExpectedVersionIsRejectedAndTheKeyStaysUsable() {
            var key = given(anApiKey().withOrganizationId(tenant).withVersion(3).build());

            assertThatThrownBy(() -> service.revoke(key.id(), ExpectedVersion.exactly(2)))
                    .isInstanceOfSatisfying(StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(3));

            assertThat(keys.writes()).isEmpty();
            assertThat(keys.stored(key.id())).contains(key);
        }

        @Test
        void aChangeByAnotherRequestBetweenReadAndWriteIsAConflict() {
            var key = given(anApiKey().withOrganizationId(tenant).withVersion(1).build());
            keys.beforeNextRevocation(() -> keys.given(anApiKey().withId(key.id()).withOrganizationId(tenant)
                    .withVersion(2).build()));

            assertThatThrownBy(() -> service.revoke(key.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class);
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void anUnknownKeyIsNotFound() {
            assertThatThrownBy(() -> service.revoke(ApiKeyId.generate(), ExpectedVersion.ANY))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.resource()).isEqualTo("api key"));
        }

        @Test
        void anotherTenantsKeyIsNotFoundAndStaysUsable() {
            var foreign = given(anApiKey().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.revoke(foreign.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(keys.stored(foreign.id())).contains(foreign);
        }
    }

    @Nested
    class Authenticate {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"garbage", "Bearer tc_abcdefghijkl_x", "tc_ABCDEFGHIJKL_0123456789012345678901234567890123456789012",
                "tc_abcdefghijkl_tooShort", "xx_abcdefghijkl_0123456789012345678901234567890123456789012"})
        void aMalformedTokenIsRejectedWithoutAnyLookup(String presented) {
            assertThat(unauthenticated.authenticate(presented)).isEmpty();

            assertThat(credentials.lookedUpPrefixes()).isEmpty();
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anUnknownPrefixIsRejectedAfterOneLookup() {
            given(anApiKey().withOrganizationId(tenant).build());
            var unknown = ApiKeyToken.generate();

            assertThat(unauthenticated.authenticate(unknown.reveal())).isEmpty();
            assertThat(credentials.lookedUpPrefixes()).containsExactly(unknown.prefix());
            assertThat(keys.writes()).isEmpty();
        }

        @Test
        void theRightPrefixWithAWrongSecretIsRejected() {
            var token = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(token).build());

            assertThat(unauthenticated.authenticate(withAnotherSecret(token))).isEmpty();
            assertThat(keys.writes()).isEmpty();
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void aValidTokenYieldsTheKeysOrganizationWhateverTheCurrentTenant() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(otherTenant).withToken(token).build());

            assertThat(service.authenticate(token.reveal()))
                    .contains(new ApiKeyPrincipal(otherTenant, key.id(), ALL_PERMISSIONS));
        }

        @Test
        void findsTheMatchingKeyAmongKeysSharingAPrefix() {
            // Prefixes are random, not unique: the secret decides.
            var token = ApiKeyToken.generate();
            var lookalike = ApiKeyToken.parse(withAnotherSecret(token)).orElseThrow();
            given(anApiKey().withOrganizationId(otherTenant).withToken(lookalike).build());
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token).build());

            assertThat(unauthenticated.authenticate(token.reveal())).contains(new ApiKeyPrincipal(tenant, key.id(), ALL_PERMISSIONS));
        }

        @Test
        void revokedAndExpiredKeysAreRejected() {
            var revoked = ApiKeyToken.generate();
            var expired = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(revoked).withRevokedAt(EARLIER).build());
            given(anApiKey().withOrganizationId(tenant).withToken(expired).withExpiresAt(NOW).build());

            assertThat(unauthenticated.authenticate(revoked.reveal())).isEmpty();
            assertThat(unauthenticated.authenticate(expired.reveal())).isEmpty();
        }

        @Test
        void theFirstUseIsRecordedInAWriteTransactionForTheKeysOrganization() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(otherTenant).withToken(token).withLastUsedAt(null).build());

            unauthenticated.authenticate(token.reveal());

            assertThat(keys.stored(key.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW);
            assertThat(keys.writes()).containsExactly("recordUse " + key.id());
            assertThat(transactions.onlyTransaction())
                    .isEqualTo(new Transaction(otherTenant, false, Outcome.COMMITTED));
        }

        @Test
        void aFailureToRecordTheUseStillAuthenticates() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token).withLastUsedAt(null).build());
            keys.failNextRecordUseWith(new IllegalStateException("database hiccup"));

            var principal = unauthenticated.authenticate(token.reveal());

            assertThat(principal).contains(new ApiKeyPrincipal(tenant, key.id(), ALL_PERMISSIONS));
            assertThat(keys.stored(key.id()).orElseThrow().lastUsedAt()).isNull();
        }

        @Test
        void aUseMoreThanAMinuteAfterTheLastIsRecorded() {
            var token = ApiKeyToken.generate();
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token)
                    .withLastUsedAt(NOW.minus(Duration.ofMinutes(1)).minusMillis(1)).build());

            unauthenticated.authenticate(token.reveal());

            assertThat(keys.stored(key.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW);
            assertThat(transactions.onlyTransaction().organizationId()).isEqualTo(tenant);
        }

        @Test
        void aUseWithinAMinuteOfTheLastOpensNoTransactionAtAll() {
            // Recording every use would turn each authenticated request into a write.
            var token = ApiKeyToken.generate();
            var lastUsed = NOW.minusSeconds(30);
            var key = given(anApiKey().withOrganizationId(tenant).withToken(token).withLastUsedAt(lastUsed).build());

            assertThat(unauthenticated.authenticate(token.reveal())).isPresent();

            assertThat(transactions.transactions()).isEmpty();
            assertThat(keys.writes()).isEmpty();
            assertThat(keys.stored(key.id()).orElseThrow().lastUsedAt()).isEqualTo(lastUsed);
        }

        @Test
        void aUseExactlyOneMinuteAfterTheLastIsNotRecorded() {
            var token = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(token)
                    .withLastUsedAt(NOW.minus(Duration.ofMinutes(1))).build());

            assertThat(unauthenticated.authenticate(token.reveal())).isPresent();
            assertThat(keys.writes()).isEmpty();
        }

        @Test
        void recordingAUseForgetsTheKeptCredentialWhoseLastUseIsNowOld() {
            // Otherwise every request served from the kept copy would find the use stale and record it again.
            var token = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(token).withLastUsedAt(null).build());

            unauthenticated.authenticate(token.reveal());

            assertThat(credentials.forgottenPrefixes()).containsExactly(token.prefix());
        }

        @Test
        void aUseNotRecordedForgetsNothing() {
            var token = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(token).withLastUsedAt(NOW.minusSeconds(30)).build());

            unauthenticated.authenticate(token.reveal());

            assertThat(credentials.forgottenPrefixes()).isEmpty();
        }

        @Test
        void aKeptCredentialIsRefusedFromTheInstantItsKeyExpires() {
            var token = ApiKeyToken.generate();

            assertThat(authenticateFromKeptCopy(token, NOW)).isEmpty();
            assertThat(authenticateFromKeptCopy(token, NOW.plusMillis(1))).isPresent();
        }

        /** Authenticates against a lookup that still returns a credential kept since before {@code expiresAt}. */
        private Optional<ApiKeyPrincipal> authenticateFromKeptCopy(ApiKeyToken token, Instant expiresAt) {
            var kept = new ApiKeyCredential(ApiKeyId.generate(), tenant, token.hash(), NOW, ALL_PERMISSIONS,
                    expiresAt);
            var keeping = new ApiKeyCredentials() {
                @Override
                public List<ApiKeyCredential> findUsableByPrefix(String prefix) {
                    return List.of(kept);
                }

                @Override
                public void forget(String prefix) {
                }
            };
            var nobody = FixedCurrentTenant.unauthenticated();
            return new ApiKeyService(keys, keeping, access.apiKeyRolesFor(nobody, caller), transactions, nobody, clock)
                    .authenticate(token.reveal());
        }

        @Test
        void theLookupItselfRunsOutsideAnyTenantTransaction() {
            // Before authentication there is no tenant: the lookup is the one cross-tenant read.
            var token = ApiKeyToken.generate();
            given(anApiKey().withOrganizationId(tenant).withToken(token).withLastUsedAt(NOW).build());

            assertThat(unauthenticated.authenticate(token.reveal())).isPresent();
            assertThat(credentials.lookedUpPrefixes()).containsExactly(token.prefix());
            assertThat(transactions.transactions()).isEmpty();
        }
    }
}
