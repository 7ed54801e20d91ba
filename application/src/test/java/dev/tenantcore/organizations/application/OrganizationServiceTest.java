package dev.tenantcore.organizations.application;

import static dev.tenantcore.organizations.domain.OrganizationTestData.aUniqueSlug;
import static dev.tenantcore.organizations.domain.OrganizationTestData.anOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.access.application.TestAccessServices;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.apikeys.application.InMemoryApiKeyCredentials;
import dev.tenantcore.apikeys.application.InMemoryApiKeyRepository;
import dev.tenantcore.apikeys.application.TestApiKeyServices;
import dev.tenantcore.identity.application.OwnerAccounts;
import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrganizationServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository(transactions, clock);
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions, clock);
    private final TestAccessServices access = new TestAccessServices(transactions, clock);


    private OrganizationService serviceActingFor(CurrentTenant currentTenant) {
        var provisioning = TestApiKeyServices.provisioning(keys, new InMemoryApiKeyCredentials(keys, clock),
                access.apiKeyRolesFor(currentTenant, () -> Caller.SYSTEM), transactions, currentTenant, clock);
        return new OrganizationService(organizations, provisioning, owners, members, List.of(), transactions,
                currentTenant, () -> caller, clock);
    }

    /** Who calls sign-up: anonymous unless a test says otherwise. */
    private Caller caller = new Caller(Actor.ANONYMOUS, null, null, null);

    /** Owners as sign-up sees them: taken@example.com has an account, every other address is new. */
    private final List<String> savedOwners = new ArrayList<>();
    private final List<String> checkedOwners = new ArrayList<>();
    private final OwnerAccounts owners = new OwnerAccounts() {
        @Override
        public PreparedOwner prepare(String email, String password, String displayName) {
            if (email.equals("taken@example.com")) {
                throw new ConflictException("an account with this email exists");
            }
            return owner(UserId.generate(), true);
        }

        @Override
        public PreparedOwner signedIn(UserId userId) {
            return owner(userId, false);
        }

        @Override
        public void save(PreparedOwner owner) {
            transactions.requireWritable(transactions.activeTenant().orElseThrow());
            (owner.isNew() ? savedOwners : checkedOwners).add(owner.userId().toString());
        }

        private PreparedOwner owner(UserId userId, boolean isNew) {
            return new PreparedOwner() {
                @Override
                public UserId userId() {
                    return userId;
                }

                @Override
                public boolean isNew() {
                    return isNew;
                }
            };
        }
    };

    private final List<String> addedMembers = new ArrayList<>();
    private final MemberProvisioning members = new MemberProvisioning() {
        @Override
        public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
            transactions.requireWritable(organizationId);
            addedMembers.add(organizationId + " " + userId + " " + roleNames);
        }

        @Override
        public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
            throw new AssertionError("sign-up does not ask");
        }
    };

    /** Sign-up is public: no tenant is authenticated, for the service or for the key provisioning it calls. */
    private final OrganizationService anonymous = serviceActingFor(FixedCurrentTenant.unauthenticated());

    private Organization given(Organization organization) {
        organizations.given(organization);
        return organization;
    }

    @Nested
    class SignUp {

        @Test
        void withAnOwnerSavesTheAccountAndMakesItOwnerInTheSameTransaction() {
            var signedUp = anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug(),
                    new SignUpOrganizationCommand.Owner("ada@example.com", "a long passphrase", "Ada")));

            var organizationId = signedUp.organization().id();
            assertThat(signedUp.ownerId()).isNotNull();
            assertThat(savedOwners).containsExactly(signedUp.ownerId().toString());
            assertThat(addedMembers).containsExactly(organizationId + " " + signedUp.ownerId() + " [owner]");
            assertThat(transactions.onlyTransaction()).isEqualTo(
                    new Transaction(organizationId, false, Outcome.COMMITTED));
        }

        @Test
        void theSignedInPersonBecomesOwnerAndTheirAccountIsCheckedInTheTransaction() {
            var person = UserId.generate();
            caller = new Caller(Actor.user(person.value()), null, null, null);

            var signedUp = anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug()));

            assertThat(signedUp.ownerId()).isEqualTo(person);
            assertThat(savedOwners).isEmpty();
            assertThat(checkedOwners).containsExactly(person.toString());
            assertThat(addedMembers).containsExactly(signedUp.organization().id() + " " + person + " [owner]");
        }

        @Test
        void aSignedInPersonCannotNameAnotherOwner() {
            caller = new Caller(Actor.user(UserId.generate().value()), null, null, null);

            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug(),
                    new SignUpOrganizationCommand.Owner("ada@example.com", "a long passphrase", "Ada"))))
                    .isInstanceOf(InvariantViolationException.class)
                    .hasMessageContaining("owner");
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anApiKeyCannotSignUpAnOrganization() {
            caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);

            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anExistingAddressIsAConflictThatWritesNothing() {
            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug(),
                    new SignUpOrganizationCommand.Owner("taken@example.com", "a wrong password", "Ada"))))
                    .isInstanceOf(ConflictException.class);

            assertThat(organizations.all()).isEmpty();
            assertThat(keys.all()).isEmpty();
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void storesTheOrganizationAndItsDefaultKeyInOneWriteTransactionForTheNewOrganization() {
            var slug = aUniqueSlug();

            var signedUp = anonymous.signUp(new SignUpOrganizationCommand("Acme", slug));

            var organization = signedUp.organization();
            assertThat(organization.name()).isEqualTo("Acme");
            assertThat(organization.slug()).isEqualTo(slug);
            assertThat(organization.version()).isEqualTo(1);
            assertThat(organization.createdAt()).isEqualTo(NOW);
            assertThat(organizations.all()).containsExactly(organization);

            var key = signedUp.apiKey().key();
            assertThat(key.organizationId()).isEqualTo(organization.id());
            assertThat(key.name()).isEqualTo("default");
            assertThat(key.expiresAt()).isNull();
            assertThat(keys.all()).containsExactly(key);
            // The first key can set the organization up: everything but making owners.
            assertThat(access.apiKeyRoles.stored(organization.id(), Actor.apiKey(key.id().value())))
                    .containsExactly(access.roles.builtin(organization.id(), BuiltinRole.ADMIN).id());

            // One transaction, and its tenant is the new organization: row-level security accepts both rows.
            assertThat(transactions.onlyTransaction())
                    .isEqualTo(new Transaction(organization.id(), false, Outcome.COMMITTED));
        }

        @Test
        void returnsTheTokenOfTheStoredKey() {
            var signedUp = anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug()));

            var stored = keys.stored(signedUp.apiKey().key().id()).orElseThrow();
            assertThat(signedUp.apiKey().token().matches(stored.secretHash())).isTrue();
            assertThat(signedUp.apiKey().token().prefix()).isEqualTo(stored.prefix());
        }

        @Test
        void eachSignUpCreatesItsOwnOrganization() {
            var first = anonymous.signUp(new SignUpOrganizationCommand("First", aUniqueSlug()));
            var second = anonymous.signUp(new SignUpOrganizationCommand("Second", aUniqueSlug()));

            assertThat(first.organization().id()).isNotEqualTo(second.organization().id());
            assertThat(transactions.transactions()).extracting(Transaction::organizationId)
                    .containsExactly(first.organization().id(), second.organization().id());
        }

        @Test
        void aTakenSlugIsAConflictAndNoKeyIsStored() {
            var existing = given(anOrganization().withSlug("acme").build());

            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand("Acme again", new Slug("acme"))))
                    .isInstanceOf(ConflictException.class);

            assertThat(organizations.all()).containsExactly(existing);
            assertThat(keys.all()).isEmpty();
            assertThat(keys.writes()).isEmpty();
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void whenTheKeyCannotBeStoredTheOrganizationIsNotStoredEither() {
            // Both rows exist afterwards, or neither: the two inserts must share one transaction.
            keys.failNextInsertWith(new IllegalStateException("database went away"));

            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand("Acme", aUniqueSlug())))
                    .hasMessage("database went away");

            assertThat(organizations.all()).isEmpty();
            assertThat(keys.all()).isEmpty();
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void aBlankNameIsRejectedBeforeAnythingIsWritten() {
            assertThatThrownBy(() -> anonymous.signUp(new SignUpOrganizationCommand(" ", aUniqueSlug())))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));

            assertThat(organizations.writes()).isEmpty();
            assertThat(keys.writes()).isEmpty();
        }

        @Test
        void theCommandRequiresASlug() {
            assertThatThrownBy(() -> new SignUpOrganizationCommand("Acme", null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Current {

        @Test
        void returnsTheCallersOrganizationInAReadOnlyTransaction() {
            var own = given(anOrganization().build());
            given(anOrganization().build());

            var current = serviceActingFor(FixedCurrentTenant.of(own.id())).current();

            assertThat(current).isEqualTo(own);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(own.id(), true, Outcome.COMMITTED));
        }

        @Test
        void aMissingOrganizationIsNotFound() {
            var service = serviceActingFor(FixedCurrentTenant.of(anOrganization().build().id()));

            assertThatThrownBy(service::current).isInstanceOfSatisfying(ResourceNotFoundException.class,
                    e -> assertThat(e.resource()).isEqualTo("organization"));
        }

        @Test
        void needsAnAuthenticatedTenant() {
            assertThatThrownBy(anonymous::current).isInstanceOf(IllegalStateException.class);
            assertThat(transactions.transactions()).isEmpty();
        }
    }

    @Nested
    class Rename {

        @Test
        void renamesTheCallersOrganizationAndReturnsItAsStored() {
            var own = given(anOrganization().withName("Old name").withVersion(2).build());
            var other = given(anOrganization().withName("Other").build());

            var renamed = serviceActingFor(FixedCurrentTenant.of(own.id()))
                    .rename(new RenameOrganizationCommand("New name", ExpectedVersion.exactly(2)));

            assertThat(renamed.name()).isEqualTo("New name");
            assertThat(renamed.slug()).isEqualTo(own.slug());
            assertThat(renamed.version()).isEqualTo(3);
            assertThat(renamed.updatedAt()).isEqualTo(NOW);
            assertThat(organizations.stored(own.id())).contains(renamed);
            assertThat(organizations.stored(other.id())).contains(other);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(own.id(), false, Outcome.COMMITTED));
        }

        @Test
        void withAnyVersionRenames() {
            var own = given(anOrganization().withVersion(5).build());

            var renamed = serviceActingFor(FixedCurrentTenant.of(own.id()))
                    .rename(new RenameOrganizationCommand("New name", ExpectedVersion.ANY));

            assertThat(renamed.name()).isEqualTo("New name");
        }

        @Test
        void aStaleExpectedVersionIsRejectedAndNothingIsWritten() {
            var own = given(anOrganization().withName("Old name").withVersion(2).build());

            assertThatThrownBy(() -> serviceActingFor(FixedCurrentTenant.of(own.id()))
                    .rename(new RenameOrganizationCommand("New name", ExpectedVersion.exactly(1))))
                    .isInstanceOfSatisfying(StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(2));

            assertThat(organizations.writes()).isEmpty();
            assertThat(organizations.stored(own.id())).contains(own);
        }

        @Test
        void aChangeByAnotherRequestBetweenReadAndWriteIsAConflict() {
            var own = given(anOrganization().withVersion(1).build());
            organizations.beforeNextUpdate(() -> organizations.given(anOrganization().withId(own.id())
                    .withSlug(own.slug()).withName("Theirs").withVersion(2).build()));

            assertThatThrownBy(() -> serviceActingFor(FixedCurrentTenant.of(own.id()))
                    .rename(new RenameOrganizationCommand("Mine", ExpectedVersion.ANY)))
                    .isInstanceOf(ConflictException.class);
            assertThat(organizations.stored(own.id()).orElseThrow().name()).isNotEqualTo("Mine");
        }

        @Test
        void aBlankNameIsRejectedAndNothingIsWritten() {
            var own = given(anOrganization().build());

            assertThatThrownBy(() -> serviceActingFor(FixedCurrentTenant.of(own.id()))
                    .rename(new RenameOrganizationCommand("  ", ExpectedVersion.ANY)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
            assertThat(organizations.writes()).isEmpty();
        }

        @Test
        void theCommandRequiresAnExpectedVersion() {
            assertThatThrownBy(() -> new RenameOrganizationCommand("Name", null))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
