package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Whitelists what the API shows of invitations; the status depends on the time of asking. */
@Mapper
interface InvitationWebMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "status", expression = "java(invitation.status(now).code())")
    InvitationResponse toResponse(Invitation invitation, @Context Instant now);

    @Mapping(target = "id", source = "invitation.id.value")
    @Mapping(target = "email", source = "invitation.email")
    @Mapping(target = "roles", source = "invitation.roles")
    @Mapping(target = "status", expression = "java(issued.invitation().status(now).code())")
    @Mapping(target = "expiresAt", source = "invitation.expiresAt")
    @Mapping(target = "createdAt", source = "invitation.createdAt")
    @Mapping(target = "token", expression = "java(issued.token().reveal())")
    CreatedInvitationResponse toCreatedResponse(Invitation.Issued issued, @Context Instant now);

    /** Sorted: the order the API shows role names in. */
    default List<String> roleNames(Set<String> roles) {
        return roles.stream().sorted().toList();
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }
}
