package io.unifiedcrm.identity.person.query;

/**
 * How reads "move" what belongs to merged persons to their survivor: a common table expression {@code merged (id,
 * depth)} of a person (depth 0, parameters: person id, organization id) and everybody merged into them, recursively.
 * Rows keep their owner, so an unmerge needs no rewrite of any read model.
 */
public final class MergedPersons {

    public static final String CTE = """
            WITH RECURSIVE merged (id, depth) AS (
                SELECT id, 0 FROM identity.person WHERE id = ? AND organization_id = ?
                UNION ALL
                SELECT p.id, merged.depth + 1 FROM identity.person p JOIN merged ON p.merged_into_id = merged.id
            )
            """;

    private MergedPersons() {
    }
}
