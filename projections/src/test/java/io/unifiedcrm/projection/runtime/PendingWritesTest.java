package io.unifiedcrm.projection.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingWritesTest {

    private final PendingWrites writes = new PendingWrites();

    @Test
    void writesOfOneStatementToDifferentRowsGoInOneGroup() {
        for (int row = 0; row < 100; row++) {
            writes.add(Footprint.row("t", row), "INSERT a", new Object[] {row});
        }

        assertThat(writes.plan()).singleElement().satisfies(group -> assertThat(group.arguments()).hasSize(100));
    }

    @Test
    void interleavedStatementsOnDisjointRowsBecomeOneGroupEach() {
        for (int row = 0; row < 50; row++) {
            writes.add(Footprint.row("entry", row), "INSERT entry", new Object[] {row});
            writes.add(Footprint.row("subject", row), "UPSERT subject", new Object[] {row});
        }

        assertThat(writes.plan()).extracting(PendingWrites.Group::sql).containsExactly("INSERT entry", "UPSERT subject");
    }

    @Test
    void writesToTheSameRowKeepTheirOrder() {
        writes.add(Footprint.row("person", 1), "UPDATE rename", new Object[] {"a"});
        writes.add(Footprint.row("person", 1), "UPDATE stage", new Object[] {"b"});
        writes.add(Footprint.row("person", 1), "UPDATE rename", new Object[] {"c"});
        writes.add(Footprint.row("person", 2), "UPDATE rename", new Object[] {"d"});

        assertThat(writes.plan()).extracting(group -> group.sql() + group.arguments().stream()
                        .map(arguments -> (String) arguments[0]).toList())
                .containsExactly("UPDATE rename[a]", "UPDATE stage[b]", "UPDATE rename[c, d]");
    }

    @Test
    void aWholeTableWriteComesAfterEarlierRowsOfTheTableAndBeforeLaterOnes() {
        writes.add(Footprint.row("person", 1), "INSERT person", new Object[] {1});
        writes.add(Footprint.table("person"), "RECOMPUTE", new Object[] {1});
        writes.add(Footprint.row("person", 2), "INSERT person", new Object[] {2});
        writes.add(Footprint.row("other", 2), "INSERT other", new Object[] {2});

        assertThat(writes.plan()).extracting(PendingWrites.Group::sql)
                .containsExactly("INSERT person", "RECOMPUTE", "INSERT person", "INSERT other");
    }

    @Test
    void aWriteThatTouchesEverythingSeparatesWhatComesBeforeFromWhatComesAfter() {
        writes.add(Footprint.row("a", 1), "INSERT a", new Object[] {1});
        writes.add(Footprint.everything(), "DELETE", new Object[] {});
        writes.add(Footprint.row("b", 1), "INSERT b", new Object[] {1});
        writes.add(Footprint.row("a", 2), "INSERT a", new Object[] {2});

        assertThat(writes.plan()).extracting(PendingWrites.Group::sql)
                .containsExactly("INSERT a", "DELETE", "INSERT b", "INSERT a");
    }

    /** Whatever the writes, every two that overlap are sent in the order they were made. */
    @Test
    void overlappingWritesAreNeverReordered() {
        Random random = new Random(16);
        for (int round = 0; round < 200; round++) {
            PendingWrites pending = new PendingWrites();
            List<Footprint> made = new ArrayList<>();
            for (int index = 0; index < 60; index++) {
                Footprint footprint = randomFootprint(random);
                made.add(footprint);
                pending.add(footprint, "S" + random.nextInt(4), new Object[] {index});
            }
            List<Integer> sent = new ArrayList<>();
            pending.plan().forEach(group -> group.arguments().forEach(arguments -> sent.add((Integer) arguments[0])));
            assertThat(sent).hasSize(made.size());
            for (int first = 0; first < made.size(); first++) {
                for (int second = first + 1; second < made.size(); second++) {
                    if (overlap(made.get(first), made.get(second))) {
                        assertThat(sent.indexOf(first)).as("write %d before %d", first, second)
                                .isLessThan(sent.indexOf(second));
                    }
                }
            }
        }
    }

    private static Footprint randomFootprint(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return Footprint.everything();
        }
        String table = "t" + random.nextInt(3);
        Footprint footprint = kind < 3 ? Footprint.table(table) : Footprint.row(table, random.nextInt(5));
        return random.nextInt(5) == 0 ? footprint.and(Footprint.row("t" + random.nextInt(3), random.nextInt(5)))
                : footprint;
    }

    private static boolean overlap(Footprint first, Footprint second) {
        if (first.isEverything() || second.isEverything()) {
            return true;
        }
        return first.parts().stream().anyMatch(one -> second.parts().stream().anyMatch(other ->
                one.table().equals(other.table())
                        && (one.key() == null || other.key() == null || one.key().equals(other.key()))));
    }
}
