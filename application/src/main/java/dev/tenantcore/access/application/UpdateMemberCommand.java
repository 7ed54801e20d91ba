package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.util.Objects;
import java.util.Set;

/** A partial update of a membership: the roles it holds, by name, replaced as a whole; its status. */
public record UpdateMemberCommand(
        UserId userId,
        ExpectedVersion expectedVersion,
        FieldChange<Set<String>> roleNames,
        FieldChange<MembershipStatus> status) {

    public UpdateMemberCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(roleNames, "roleNames");
        Objects.requireNonNull(status, "status");
        if (roleNames instanceof FieldChange.SetTo<Set<String>>(Set<String> names)) {
            if (names == null) {
                throw new InvariantViolationException("roles", "roles must be a list of role names, not null");
            }
            roleNames = FieldChange.to(RoleNames.copyOf(names));
        }
        if (status instanceof FieldChange.SetTo<MembershipStatus>(MembershipStatus value) && value == null) {
            throw new InvariantViolationException("status", "status must be active or suspended, not null");
        }
    }

    public boolean changesAnything() {
        return roleNames.isChange() || status.isChange();
    }
}
