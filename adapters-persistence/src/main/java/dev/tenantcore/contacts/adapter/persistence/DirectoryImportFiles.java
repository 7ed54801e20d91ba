package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.ImportFiles;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Uploaded files in a directory ({@code tenantcore.imports.storage-directory}), at
 * {@code <organization id>/<import id>}: names made of ids alone, so no file name from a request reaches the file
 * system. Every instance that runs jobs must see the same directory (a shared volume) or run the jobs of the
 * imports it took itself. A file is written to a temporary name and moved into place, so a reader never sees half.
 */
@Singleton
final class DirectoryImportFiles implements ImportFiles {
    private final Path root;

    DirectoryImportFiles(@Property(name = "tenantcore.imports.storage-directory",
            defaultValue = "${java.io.tmpdir}/tenantcore-imports") Path root) {
        this.root = root;
    }

    @Override
    public void store(OrganizationId organizationId, ImportId id, byte[] content) {
        var target = path(organizationId, id);
        try {
            Files.createDirectories(target.getParent());
            var partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload of import " + id, e);
        }
    }

    @Override
    public InputStream open(OrganizationId organizationId, ImportId id) {
        try {
            return Files.newInputStream(path(organizationId, id));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the file of import " + id + " is not in the storage directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(OrganizationId organizationId, ImportId id) {
        try {
            Files.deleteIfExists(path(organizationId, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(OrganizationId organizationId, ImportId id) {
        return root.resolve(organizationId.value().toString()).resolve(id.value().toString());
    }
}
