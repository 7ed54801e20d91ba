package dev.tenantcore.identity.application;

public interface LogInUseCase {

    /**
     * A session for a member who proves their password. Every failure (malformed input included) is the same
     * {@code AuthenticationFailedException} after the same work; repeated failures are slowed down and then
     * refused with {@code TooManyAttemptsException}.
     */
    Session logIn(LogInCommand command);
}
