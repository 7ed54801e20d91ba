package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.application.ProductCache;
import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductFilter;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductMatch;
import dev.tenantcore.catalog.domain.ProductRepository;
import dev.tenantcore.catalog.domain.ProductSearch;
import dev.tenantcore.catalog.domain.ProductSearchCursor;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * products (migration V13). The tenant statement guard refuses these statements outside the organization's
 * transaction. Every statement names the organization; row-level security is the backstop. Lists and search build
 * their SQL from the filters given (a generic plan cannot pick the index for "maybe filtered"); attribute keys and
 * values are always bound parameters, never SQL text.
 *
 * <p>Every change of a product forgets it in the {@link ProductCache} once its transaction has committed, never
 * before: a rolled-back change leaves the cache as it was, and a read after the commit cannot find the old entry.
 */
@Singleton
final class JdbcProductRepository implements ProductRepository {
    /** What the database may still refuse in attributes the domain let through (size check, unreadable text). */
    private static final List<String> REFUSED_JSON = List.of("23514", "22P02", "22P05");

    /** List.of refuses null: this stands for SQL NULL in a parameter list. */
    private static final Object NULL = new Object();

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ProductCache cache;

    JdbcProductRepository(JdbcOperations jdbc, TransactionOperations<Connection> transactions, ProductCache cache) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cache = cache;
    }

    @Override
    public Product insert(Product product) {
        var sql = """
                INSERT INTO products (organization_id, id, sku, name, description, price_minor, currency, stock,
                                      status, attributes, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                RETURNING\s""" + ProductRow.COLUMNS;
        return one(sql, List.of(product.organizationId().value(), product.id().value(), product.sku(),
                nullable(product.name()), nullable(product.description()), product.price().amountMinor(),
                product.price().currency(), product.stock(), ProductRow.status(product.status()),
                product.attributes().json(), product.version())).orElseThrow();
    }

    @Override
    public Optional<Product> findById(OrganizationId organizationId, ProductId id) {
        return one("SELECT " + ProductRow.COLUMNS + " FROM products WHERE organization_id = ? AND id = ?",
                List.of(organizationId.value(), id.value()));
    }

    /** A newest-first scan of the primary key, or of products_status_idx. */
    @Override
    public Page<Product> list(OrganizationId organizationId, ProductFilter filter, PageRequest<ProductId> page) {
        var sql = new StringBuilder("SELECT " + ProductRow.COLUMNS
                + " FROM products WHERE organization_id = ? AND id < ?");
        var parameters = new ArrayList<>();
        parameters.add(organizationId.value());
        parameters.add(page.after().map(ProductId::value).orElse(PersistedIds.NEWEST));
        appendFilter(filter, sql, parameters);
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(page.limit() + 1);
        return Page.fromOverfetch(query(sql.toString(), parameters, false).stream().map(ProductMatch::product)
                .toList(), page.limit());
    }

    /**
     * Matches hold every word of the text (websearch syntax: quotes for phrases, - to exclude, "or"), stemmed in
     * English, in the name or the description (products_search_idx). The rank weighs the name above the
     * description; it is computed the same way on every page, so the cursor's (rank, id) splits results exactly.
     */
    @Override
    public Page<ProductMatch> search(OrganizationId organizationId, ProductSearch search,
            PageRequest<ProductSearchCursor> page) {
        var parameters = new ArrayList<>();
        var sql = new StringBuilder("SELECT * FROM (SELECT " + ProductRow.COLUMNS
                + ", ts_rank(search_document, query)::real AS rank"
                + " FROM products, websearch_to_tsquery('english', ?) query"
                + " WHERE organization_id = ? AND search_document @@ query");
        parameters.add(search.text());
        parameters.add(organizationId.value());
        appendFilter(search.filter(), sql, parameters);
        sql.append(") ranked");
        page.after().ifPresent(after -> {
            sql.append(" WHERE (rank, id) < (CAST(? AS real), ?)");
            parameters.add(after.rank());
            parameters.add(after.id().value());
        });
        sql.append(" ORDER BY rank DESC, id DESC LIMIT ?");
        parameters.add(page.limit() + 1);
        return Page.fromOverfetch(query(sql.toString(), parameters, true), page.limit());
    }

    /** Each attribute is a containment test (products_attributes_idx) built from bound parameters. */
    private static void appendFilter(ProductFilter filter, StringBuilder sql, List<Object> parameters) {
        filter.status().ifPresent(status -> {
            sql.append(" AND status = ?");
            parameters.add(ProductRow.status(status));
        });
        filter.attributes().forEach((key, value) -> {
            sql.append(" AND attributes @> jsonb_build_object(CAST(? AS text), CAST(? AS text))");
            parameters.add(key);
            parameters.add(value);
        });
    }

    @Override
    public Optional<Product> update(Product product) {
        var sql = """
                UPDATE products
                SET sku = ?, name = ?, description = ?, price_minor = ?, currency = ?, stock = ?, status = ?,
                    attributes = CAST(? AS jsonb), version = version + 1
                WHERE organization_id = ? AND id = ? AND version = ?
                RETURNING\s""" + ProductRow.COLUMNS;
        var updated = one(sql, List.of(product.sku(), product.name(), nullable(product.description()),
                product.price().amountMinor(), product.price().currency(), product.stock(),
                ProductRow.status(product.status()), product.attributes().json(), product.organizationId().value(),
                product.id().value(), product.version()));
        updated.ifPresent(changed -> forgetAfterCommit(product.organizationId(), product.id()));
        return updated;
    }

    @Override
    public boolean delete(OrganizationId organizationId, ProductId id, long version) {
        var deleted = update("DELETE FROM products WHERE organization_id = ? AND id = ? AND version = ?",
                List.of(organizationId.value(), id.value(), version)) == 1;
        if (deleted) {
            forgetAfterCommit(organizationId, id);
        }
        return deleted;
    }

    /**
     * One conditional UPDATE: concurrent reservations queue on the row's lock, and each re-checks the stock it
     * finds once it holds it, so the stock never goes below zero and no reservation is lost. Only when it takes
     * nothing does a second statement find out why.
     */
    @Override
    public StockReservation reserve(OrganizationId organizationId, ProductId id, int quantity) {
        var price = jdbc.prepareStatement("""
                UPDATE products SET stock = stock - ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND status = 'active' AND stock >= ?
                RETURNING price_minor, currency""", statement -> {
            bind(statement, List.of(quantity, organizationId.value(), id.value(), quantity));
            try (var result = statement.executeQuery()) {
                return result.next() ? new Money(result.getLong(1), result.getString(2)) : null;
            }
        });
        if (price != null) {
            forgetAfterCommit(organizationId, id);
            return new StockReservation.Reserved(price);
        }
        return findById(organizationId, id)
                .filter(product -> product.status() == ProductStatus.ACTIVE)
                .<StockReservation>map(product -> new StockReservation.InsufficientStock(product.stock()))
                .orElseGet(StockReservation.NotOrderable::new);
    }

    @Override
    public boolean release(OrganizationId organizationId, ProductId id, int quantity) {
        var released = update("""
                UPDATE products SET stock = stock + ?, version = version + 1
                WHERE organization_id = ? AND id = ?""", List.of(quantity, organizationId.value(), id.value())) == 1;
        if (released) {
            forgetAfterCommit(organizationId, id);
        }
        return released;
    }

    private void forgetAfterCommit(OrganizationId organizationId, ProductId id) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("a product changed outside a transaction"));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate(organizationId, id);
            }
        });
    }

    private Optional<Product> one(String sql, List<Object> parameters) {
        try {
            return query(sql, parameters, false).stream().findFirst().map(ProductMatch::product);
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    private int update(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** The rows of a list (rank 0) or a search (its rank column). */
    private List<ProductMatch> query(String sql, List<Object> parameters, boolean ranked) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            var found = new ArrayList<ProductMatch>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new ProductMatch(ProductRow.read(result), ranked ? result.getFloat("rank") : 0));
                }
            }
            return found;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            var value = parameters.get(i);
            statement.setObject(i + 1, value == NULL ? null : value);
        }
    }

    private static Object nullable(Object value) {
        return value == null ? NULL : value;
    }

    private static RuntimeException refusal(DataAccessException failure) {
        if (ConstraintViolations.isUniqueViolation(failure, "products_sku_key")) {
            return new ConflictException(Product.SKU_TAKEN);
        }
        if (REFUSED_JSON.stream().anyMatch(state -> ConstraintViolations.hasSqlState(failure, state))) {
            return new InvariantViolationException("attributes", "attributes must be a JSON object of at most "
                    + ProductAttributes.MAX_LENGTH + " characters");
        }
        return failure;
    }
}
