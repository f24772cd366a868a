package io.unifiedcrm.commerce.product.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.commerce.product.api.FindProductQuery;
import io.unifiedcrm.commerce.product.api.FindProductsQuery;
import io.unifiedcrm.commerce.product.api.ProductPage;
import io.unifiedcrm.commerce.product.api.ProductView;
import io.unifiedcrm.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the catalog with its inventory levels, within one organization. */
@Component
class ProductQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT p.*, i.on_hand, i.reserved, i.available
            FROM commerce.product p JOIN commerce.inventory_level i ON i.product_id = p.id
            """;

    private final JdbcTemplate jdbc;

    ProductQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ProductView> handle(FindProductQuery query) {
        return jdbc.query(SELECT + "WHERE p.organization_id = ? AND p.id = ?", ProductQueries::view,
                query.organizationId(), query.productId()).stream().findFirst();
    }

    @QueryHandler
    ProductPage handle(FindProductsQuery query) {
        String prefix = query.namePrefix() == null ? null : query.namePrefix().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ProductView> products = jdbc.query(SELECT + """
                        WHERE p.organization_id = ?
                          AND (cast(? AS text) IS NULL OR p.status = ?)
                          AND (cast(? AS text) IS NULL OR p.tags @> jsonb_build_array(cast(? AS text)))
                          AND (cast(? AS text) IS NULL OR lower(p.name) LIKE ? OR lower(p.sku) LIKE ?)
                          AND (cast(? AS timestamptz) IS NULL OR (p.created_at, p.id) > (?, ?))
                        ORDER BY p.created_at, p.id LIMIT ?""", ProductQueries::view,
                query.organizationId(), query.status(), query.status(), query.tag(), query.tag(), prefix, prefix,
                prefix, timestamp(query), timestamp(query), query.afterId(), query.limit() + 1);
        boolean hasMore = products.size() > query.limit();
        return new ProductPage(hasMore ? products.subList(0, query.limit()) : products, hasMore);
    }

    private static Timestamp timestamp(FindProductsQuery query) {
        return query.afterCreatedAt() == null ? null : Timestamp.from(query.afterCreatedAt());
    }

    private static ProductView view(ResultSet row, int index) throws SQLException {
        try {
            return new ProductView(row.getObject("id", UUID.class), row.getString("sku"), row.getString("name"),
                    row.getString("description"), new Money(row.getBigDecimal("price_amount"),
                    row.getString("price_currency")), row.getString("status"),
                    JSON.readValue(row.getString("tags"), TAGS), row.getLong("on_hand"), row.getLong("reserved"),
                    row.getLong("available"), row.getLong("version"),
                    row.getObject("created_at", Timestamp.class).toInstant(),
                    row.getObject("updated_at", Timestamp.class).toInstant());
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("commerce.product.tags is not a JSON array", corrupt);
        }
    }
}
