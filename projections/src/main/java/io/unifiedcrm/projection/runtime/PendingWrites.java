package io.unifiedcrm.projection.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of a batch not sent to the database yet, and the plan that sends them as few JDBC batches as order
 * allows. Writes are grouped by their statement: each goes into the latest group of its statement that comes after
 * every group holding an earlier write it overlaps with ({@link Footprint}), else into a new group at the end. So
 * every pair of overlapping writes keeps its order, and a batch of a thousand events that each insert a row and upsert
 * another becomes two JDBC batches rather than two thousand round trips. A group of inserts goes as one statement
 * ({@link UnnestInsert}) where it can.
 */
final class PendingWrites {

    /** One JDBC batch: a statement and the arguments of each execution, in order. */
    record Group(String sql, List<Object[]> arguments) {
    }

    private record Write(String sql, Object[] arguments, Footprint footprint) {
    }

    private final List<Write> writes = new ArrayList<>();

    void add(Footprint footprint, String sql, Object[] arguments) {
        writes.add(new Write(sql, arguments, footprint));
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    int size() {
        return writes.size();
    }

    void clear() {
        writes.clear();
    }

    /** Sends every pending write, group by group, and forgets them. */
    void flushTo(JdbcTemplate jdbc) {
        if (writes.isEmpty()) {
            return;
        }
        List<Group> groups = plan();
        writes.clear();
        for (Group group : groups) {
            if (group.arguments().size() == 1) {
                jdbc.update(group.sql(), group.arguments().get(0));
            } else if (!UnnestInsert.tryExecute(jdbc, group.sql(), group.arguments())) {
                jdbc.batchUpdate(group.sql(), group.arguments());
            }
        }
    }

    /** The groups the pending writes are sent in. */
    List<Group> plan() {
        List<Group> groups = new ArrayList<>();
        Map<String, Integer> latestGroupOfStatement = new HashMap<>();
        Map<Footprint.Part, Integer> latestGroupOfRow = new HashMap<>();
        Map<String, Integer> latestGroupOfAnyRow = new HashMap<>();
        Map<String, Integer> latestGroupOfWholeTable = new HashMap<>();
        int latestGroupOfAnything = -1;
        int latestGroupOfEverything = -1;
        for (Write write : writes) {
            int after = latestGroupOfEverything;
            if (write.footprint().isEverything()) {
                after = latestGroupOfAnything;
            } else {
                for (Footprint.Part part : write.footprint().parts()) {
                    after = Math.max(after, part.isWholeTable()
                            ? latestGroupOfAnyRow.getOrDefault(part.table(), -1)
                            : Math.max(latestGroupOfRow.getOrDefault(part, -1),
                                    latestGroupOfWholeTable.getOrDefault(part.table(), -1)));
                }
            }
            int group = latestGroupOfStatement.getOrDefault(write.sql(), -1);
            if (group <= after) {
                group = groups.size();
                groups.add(new Group(write.sql(), new ArrayList<>()));
                latestGroupOfStatement.put(write.sql(), group);
            }
            groups.get(group).arguments().add(write.arguments());
            latestGroupOfAnything = Math.max(latestGroupOfAnything, group);
            if (write.footprint().isEverything()) {
                latestGroupOfEverything = group;
                continue;
            }
            for (Footprint.Part part : write.footprint().parts()) {
                latestGroupOfAnyRow.merge(part.table(), group, Math::max);
                if (part.isWholeTable()) {
                    latestGroupOfWholeTable.merge(part.table(), group, Math::max);
                } else {
                    latestGroupOfRow.merge(part, group, Math::max);
                }
            }
        }
        return groups;
    }
}
