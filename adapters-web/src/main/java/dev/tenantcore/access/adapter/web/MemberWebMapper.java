package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.domain.Member;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface MemberWebMapper {

    @Mapping(target = "userId", source = "membership.userId.value")
    @Mapping(target = "status", expression = "java(member.membership().status().code())")
    @Mapping(target = "roles", source = "roleNames")
    @Mapping(target = "createdAt", source = "membership.createdAt")
    MemberResponse toResponse(Member member);
}
