package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that need the migrated test database: gives the Micronaut context its connection settings.
 * Subclasses are {@code @MicronautTest(transactional = false)}: the code under test opens its own tenant
 * transactions, as it does in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // Micronaut asks a TestPropertyProvider once per class
public abstract class DatabaseTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<String, String>();
        TestDatabase.shared().micronautProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }
}
