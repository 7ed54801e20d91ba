package dev.tenantcore.identity.application;

public interface ChangePasswordUseCase {

    /**
     * Replaces the calling user's password and revokes every refresh token the user holds, in every organization:
     * each session must log in again (access tokens already handed out live on until they expire, minutes).
     * A wrong current password is {@code AccessDeniedException}, counted by the login throttle against the
     * account like a failed login; while the throttle refuses, {@code TooManyAttemptsException}.
     */
    void changePassword(ChangePasswordCommand command);
}
