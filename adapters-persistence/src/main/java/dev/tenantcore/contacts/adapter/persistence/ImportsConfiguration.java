package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.application.ImportSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;

/**
 * {@code tenantcore.imports.*}: the largest file an import takes (micronaut.server.multipart.max-file-size and
 * max-request-size must let it through: application.yml sets them from this), and the rows of one job step. The
 * storage directory is read by {@link DirectoryImportFiles}. Here, beside the job worker, rather than in the web
 * adapter: the worker builds the import's job handler wherever it runs.
 */
@ConfigurationProperties("tenantcore.imports")
final class ImportsConfiguration {
    private long maxFileSize = 10L * 1024 * 1024;
    private int chunkSize = 2000;

    public long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(@ReadableBytes long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    @Factory
    static final class Settings {
        @Singleton
        ImportSettings importSettings(ImportsConfiguration configuration) {
            return new ImportSettings(configuration.getMaxFileSize(), configuration.getChunkSize());
        }
    }
}
