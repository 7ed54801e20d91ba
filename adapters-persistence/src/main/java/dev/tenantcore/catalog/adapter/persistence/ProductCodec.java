package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as bytes for Redis. Hand-written rather than JSON: the domain has no serialisation annotations, the
 * format is versioned by its first byte, and an entry that does not read back is a miss, never an error.
 */
final class ProductCodec {
    private static final byte FORMAT = 1;

    private ProductCodec() {
    }

    static byte[] encode(Product product) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            uuid(out, product.id().value());
            uuid(out, product.organizationId().value());
            text(out, product.sku());
            text(out, product.name());
            out.writeBoolean(product.description() != null);
            if (product.description() != null) {
                text(out, product.description());
            }
            out.writeLong(product.price().amountMinor());
            text(out, product.price().currency());
            out.writeInt(product.stock());
            out.writeByte(product.status().ordinal());
            text(out, product.attributes().json());
            out.writeLong(product.version());
            instant(out, product.createdAt());
            instant(out, product.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The product, or null if the bytes are not this format's. */
    static Product decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            var id = new ProductId(uuid(in));
            var organizationId = new OrganizationId(uuid(in));
            var sku = text(in);
            var name = text(in);
            var description = in.readBoolean() ? text(in) : null;
            var price = new Money(in.readLong(), text(in));
            var stock = in.readInt();
            var status = ProductStatus.values()[in.readByte()];
            var attributes = new ProductAttributes(text(in));
            return Product.reconstitute(id, organizationId, sku, name, description, price, stock, status, attributes,
                    in.readLong(), instant(in), instant(in));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void uuid(DataOutputStream out, UUID value) throws IOException {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    /** Length-prefixed UTF-8 (writeUTF stops at 64 KiB of modified UTF-8). */
    private static void text(DataOutputStream out, String value) throws IOException {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void instant(DataOutputStream out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
