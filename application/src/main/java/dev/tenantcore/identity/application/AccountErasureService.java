package dev.tenantcore.identity.application;

import static dev.tenantcore.identity.application.CurrentUserService.callingUser;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Erasing one's account (GDPR article 17), in several transactions rather than one, on purpose: every removal of a
 * membership is recorded by the audit trigger in that membership's organization, and the database accepts an
 * audit event only for the organization its transaction is for. One transaction can therefore leave one
 * organization; so the user leaves each organization in a transaction of its own (as that user, recorded in that
 * organization's log), and the account row goes last, in a transaction that first locks it and finds no
 * membership left (deleting it would otherwise cascade into another organization's memberships and fail).
 *
 * <p>A failure halfway leaves the account with fewer memberships and nothing inconsistent; repeating the request
 * starts again from what is left, and once the account is gone a repeat does nothing. The audit log keeps the
 * opaque user id of what the user did, never their address or name.
 */
@Singleton
final class AccountErasureService implements EraseAccountUseCase {
    private static final System.Logger LOG = System.getLogger(AccountErasureService.class.getName());
    /** Memberships added while erasing (an invitation accepted meanwhile) are left in further rounds; this many. */
    static final int MAX_ROUNDS = 3;

    private final PersonalDataRepository personalData;
    private final AccountErasureRepository erasure;
    private final ErasedAccounts erasedAccounts;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;

    AccountErasureService(PersonalDataRepository personalData, AccountErasureRepository erasure,
            ErasedAccounts erasedAccounts, TenantTransactions transactions, CurrentTenant currentTenant,
            CurrentCaller currentCaller) {
        this.personalData = personalData;
        this.erasure = erasure;
        this.erasedAccounts = erasedAccounts;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
    }

    @Override
    public void erase() {
        var userId = callingUser(currentCaller);
        var home = currentTenant.organizationId();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            var organizations = transactions.readLatest(home, () -> personalData.findMemberships(home, userId)).stream()
                    .map(OwnMembership::organizationId).toList();
            refuseWhileLastOwner(organizations, userId);
            for (var organizationId : organizations) {
                leave(organizationId, userId);
            }
            if (deleteAccountIfNoMembershipIsLeft(home, userId)) {
                erasedAccounts.remember(userId);
                LOG.log(System.Logger.Level.INFO, "account {0} erased", userId);
                return;
            }
        }
        throw new ConflictException("memberships were added to the account while it was being erased; retry");
    }

    /** Checked everywhere before anything changes, so a refusal leaves the account as it was. */
    private void refuseWhileLastOwner(List<OrganizationId> organizations, UserId userId) {
        var owned = organizations.stream()
                .filter(organizationId -> transactions.writeForUser(organizationId, userId,
                        () -> erasure.isLastActiveOwner(organizationId, userId)))
                .toList();
        if (!owned.isEmpty()) {
            throw lastOwner(owned);
        }
    }

    private void leave(OrganizationId organizationId, UserId userId) {
        transactions.writeForUser(organizationId, userId, () -> {
            // Again under the organization's ownership lock: another owner may have left since the check.
            if (erasure.isLastActiveOwner(organizationId, userId)) {
                throw lastOwner(List.of(organizationId));
            }
            erasure.leave(organizationId, userId);
            return null;
        });
    }

    private boolean deleteAccountIfNoMembershipIsLeft(OrganizationId home, UserId userId) {
        return transactions.writeForUser(home, userId, () -> {
            if (!erasure.lockAccount(userId)) {
                return true; // erased before: nothing is left to erase
            }
            if (!personalData.findMemberships(home, userId).isEmpty()) {
                return false;
            }
            erasure.deleteAccount(userId);
            return true;
        });
    }

    private static ConflictException lastOwner(List<OrganizationId> organizations) {
        return new ConflictException("you are the last active owner of "
                + (organizations.size() == 1 ? "organization " : "organizations ")
                + organizations.stream().map(OrganizationId::toString).collect(Collectors.joining(", "))
                + ": make another member an owner, then erase the account");
    }
}
