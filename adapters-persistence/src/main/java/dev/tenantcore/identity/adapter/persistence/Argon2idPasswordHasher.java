package dev.tenantcore.identity.adapter.persistence;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.tenantcore.identity.application.PasswordHasher;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Argon2id through Password4j, at OWASP's recommended minimum (Password Storage Cheat Sheet: 19 MiB of memory,
 * 2 iterations, 1 lane), a 16-byte random salt and a 32-byte output, stored as a PHC string that carries its own
 * parameters. Raising them here makes {@link #needsRehash} true for older hashes, which are then replaced at the
 * next login.
 */
@Singleton
final class Argon2idPasswordHasher implements PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int OUTPUT_BYTES = 32;
    static final int SALT_BYTES = 16;

    private static final Argon2Function CURRENT =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID);

    /** A hash of a random password, checked against when there is no real one, so that the work is the same. */
    private final String decoy = hash(UUID.randomUUID().toString());

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(CURRENT).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException unreadable) {
            verifyNothing(password);
            return false;
        }
    }

    @Override
    public boolean verifyNothing(String password) {
        CURRENT.check(password, decoy);
        return false;
    }

    @Override
    public boolean needsRehash(String hash) {
        try {
            var used = Argon2Function.getInstanceFromHash(hash);
            return used.getVariant() != Argon2.ID || used.getMemory() < MEMORY_KIB
                    || used.getIterations() < ITERATIONS || used.getOutputLength() < OUTPUT_BYTES;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
