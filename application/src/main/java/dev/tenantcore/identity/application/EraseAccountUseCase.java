package dev.tenantcore.identity.application;

public interface EraseAccountUseCase {

    /**
     * Erases the calling user's account and personal data: memberships (with their roles and refresh tokens) in
     * every organization, then credentials, external logins, profile, preferences and the account itself. Needs a
     * user's access token ({@code AccessDeniedException} for an API key). Refused with {@code ConflictException},
     * before anything changes, while the user is the last active owner of any organization. Safe to repeat: a
     * repeat finishes what a failed attempt left, and an erased account is erased again without complaint.
     */
    void erase();
}
