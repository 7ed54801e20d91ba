package dev.tenantcore.identity.application;

/**
 * Slow, salted password hashing (Argon2id in the persistence adapter). Hashes are self-describing strings, so the
 * parameters can be raised later: {@link #needsRehash} then says so at the next successful login.
 */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);

    /**
     * Spends the time of one verification and answers false: for logins whose account does not exist or has no
     * password, so that they take as long as a wrong password.
     */
    boolean verifyNothing(String password);

    boolean needsRehash(String hash);
}
