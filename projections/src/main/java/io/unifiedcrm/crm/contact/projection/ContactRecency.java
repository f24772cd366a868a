package io.unifiedcrm.crm.contact.projection;

import java.util.UUID;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;

/**
 * A contact's {@code last_contacted_at} (the latest {@code contacted_at} of the person's activities: connected calls,
 * meetings that had taken place) and last purchase (the latest purchase activity: when and the order's total), stored
 * from the person's own activity rows whenever one of them or the contact changes. Reads combine a survivor with the
 * persons merged into it from the same rows.
 */
public final class ContactRecency {

    private ContactRecency() {
    }

    /** Recomputes the stored values of the person's contact row, if the person is a contact. */
    public static void store(ReadModelJdbc jdbc, UUID personId) {
        jdbc.update("""
                UPDATE crm.contact c
                SET last_contacted_at = (SELECT max(a.contacted_at) FROM crm.activity a
                                         WHERE a.person_id = c.person_id),
                    (last_purchase_at, last_purchase_amount, last_purchase_currency) = (
                        SELECT a.occurred_at, a.amount, a.currency FROM crm.activity a
                        WHERE a.person_id = c.person_id AND a.type = 'purchase'
                        ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1)
                WHERE c.person_id = ?""", personId);
    }
}
