package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;

/**
 * The one place the computed person flags are decided (ARCHITECTURE §6). Versioned: a row records the rulebook
 * version that computed it, and a changed rule gets a new version (then a replay recomputes every row). Pure: the
 * same events always give the same flags. Fed by identity events and by the CRM contact event; commerce and further
 * CRM events join as those domains land.
 *
 * <p>Version 2: a person's own events earn its own flags — stage visitor at creation, lead through a lead form or by
 * becoming a CRM contact, moving forward only; lead score +10 per verified e-mail address, +5 per verified phone
 * number, +10 for registering an account; hasAccount at registration. The effective flags of a person combine its
 * own and those of every person merged into it: the highest stage, the sum of scores and values, any hasAccount or
 * hasOrdered; an explicit stage (set by a command) overrides the stage.
 */
final class PersonFlagsRulebook {

    static final String VERSION = "2";

    static final int EMAIL_VERIFIED_POINTS = 10;
    static final int PHONE_VERIFIED_POINTS = 5;
    static final int ACCOUNT_REGISTERED_POINTS = 10;

    /**
     * Recomputes the effective flags of the survivor at the root of {@code :personId}'s merges from the own flags
     * of everybody merged into it (recursively). A statement, so it reads the rows as the projection wrote them.
     */
    static final String RECOMPUTE_EFFECTIVE_FLAGS = """
            WITH RECURSIVE up (id, merged_into_id) AS (
                SELECT id, merged_into_id FROM identity.person WHERE id = :personId
                UNION ALL
                SELECT p.id, p.merged_into_id FROM identity.person p JOIN up ON p.id = up.merged_into_id
            ), survivor AS (
                SELECT id FROM up WHERE merged_into_id IS NULL
            ), merged (id) AS (
                SELECT id FROM survivor
                UNION ALL
                SELECT p.id FROM identity.person p JOIN merged ON p.merged_into_id = merged.id
            ), combined AS (
                SELECT (ARRAY['visitor', 'lead', 'customer', 'evangelist'])[max(array_position(
                            ARRAY['visitor', 'lead', 'customer', 'evangelist'], own_lifecycle_stage))] AS stage,
                       bool_or(own_has_ordered) AS has_ordered, bool_or(own_has_account) AS has_account,
                       sum(own_lead_score) AS lead_score, sum(own_customer_value) AS customer_value
                FROM identity.person WHERE id IN (SELECT id FROM merged)
            )
            UPDATE identity.person p
            SET lifecycle_stage          = coalesce(p.explicit_lifecycle_stage, c.stage),
                lifecycle_stage_explicit = p.explicit_lifecycle_stage IS NOT NULL,
                is_lead                  = coalesce(p.explicit_lifecycle_stage, c.stage) = 'lead',
                is_customer              = coalesce(p.explicit_lifecycle_stage, c.stage) IN ('customer', 'evangelist'),
                has_ordered              = c.has_ordered,
                has_account              = c.has_account,
                lead_score               = c.lead_score,
                customer_value           = c.customer_value,
                flags_rulebook_version   = :rulebookVersion
            FROM combined c
            WHERE p.id = (SELECT id FROM survivor)""";

    private PersonFlagsRulebook() {
    }

    /** The stage of a new person: a lead when they came through a lead form, a visitor otherwise. */
    static LifecycleStage stageAtCreation(String source) {
        return source != null && source.equals(PersonSource.LEAD_FORM.code()) ? LifecycleStage.LEAD
                : LifecycleStage.VISITOR;
    }

    static boolean isLead(LifecycleStage stage) {
        return stage == LifecycleStage.LEAD;
    }

    static boolean isCustomer(LifecycleStage stage) {
        return stage.isAtLeast(LifecycleStage.CUSTOMER);
    }
}
