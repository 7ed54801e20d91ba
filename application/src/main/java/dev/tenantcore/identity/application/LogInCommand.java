package dev.tenantcore.identity.application;

/** A password login to one organization, named by slug or id. Validated by the use case (it must throttle first). */
public record LogInCommand(String email, String password, String organization) {
    @Override
    public String toString() {
        return "LogInCommand[" + email + ", ***, " + organization + "]";
    }
}
