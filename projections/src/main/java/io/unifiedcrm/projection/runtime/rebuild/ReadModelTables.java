package io.unifiedcrm.projection.runtime.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables each projection (processing group) owns: its handlers write them, its {@code @ResetHandler}s clear
 * them, and no other group reads or writes them. A rebuild without downtime builds exactly these tables anew.
 * {@code ReadModelTablesTest} keeps this list equal to the tables of the projections' Flyway scripts and to what the
 * reset handlers clear.
 */
public final class ReadModelTables {

    private static final Map<String, List<String>> TABLES = Map.of(
            "identity", List.of("identity.organization", "identity.person", "identity.team", "identity.team_member",
                    "identity.person_order", "identity.lead_score_entry"),
            "addresses", List.of("shared.address"),
            "commerce", List.of("commerce.customer", "commerce.product", "commerce.inventory_level",
                    "commerce.orders", "commerce.order_line", "commerce.payment"),
            "crm", List.of("crm.contact", "crm.activity", "crm.order_total", "crm.pipeline", "crm.pipeline_stage",
                    "crm.deal", "crm.deal_stage_history"),
            "platform", List.of("platform.object_definition", "platform.association_definition", "platform.record",
                    "platform.association"),
            "timeline", List.of("system.timeline_entry", "system.timeline_subject"),
            "search", List.of("system.search_document", "system.search_object_type"));

    private ReadModelTables() {
    }

    /** The group's tables, schema-qualified, or empty if it is no projection with registered tables. */
    public static Optional<List<String>> of(String group) {
        return Optional.ofNullable(TABLES.get(group));
    }

    public static Set<String> groups() {
        return TABLES.keySet();
    }

    /** Every registered table of every group. */
    public static Set<String> all() {
        return TABLES.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
    }
}
