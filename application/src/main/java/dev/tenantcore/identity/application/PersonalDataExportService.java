package dev.tenantcore.identity.application;

import static dev.tenantcore.identity.application.CurrentUserService.callingUser;

import dev.tenantcore.audit.application.ActorAuditTrail;
import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;

@Singleton
final class PersonalDataExportService implements ExportPersonalDataUseCase {
    private final UserRepository users;
    private final UserPreferencesRepository preferences;
    private final PersonalDataRepository personalData;
    private final ActorAuditTrail auditTrail;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    PersonalDataExportService(UserRepository users, UserPreferencesRepository preferences,
            PersonalDataRepository personalData, ActorAuditTrail auditTrail, TenantTransactions transactions,
            CurrentTenant currentTenant, CurrentCaller currentCaller, Clock clock) {
        this.users = users;
        this.preferences = preferences;
        this.personalData = personalData;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Override
    public PersonalDataExport export() {
        var userId = callingUser(currentCaller);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> {
            var account = users.findById(userId).orElseThrow(() -> new ResourceNotFoundException("user"));
            var events = new ArrayList<AuditEvent>();
            auditTrail.forEachByActor(organizationId, Actor.user(userId.value()), events::add);
            return new PersonalDataExport(clock.instant(), organizationId, account,
                    personalData.findPasswordChangedAt(userId).orElse(null),
                    users.findProfile(userId).orElse(null),
                    preferences.findByUserId(userId).orElse(null),
                    personalData.findExternalLogins(userId),
                    personalData.findMemberships(organizationId, userId),
                    personalData.findRefreshSessions(userId),
                    events);
        });
    }
}
