package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;

/**
 * The one place the computed person flags are decided (ARCHITECTURE §6). Versioned: a row records the rulebook
 * version that computed it, and a changed rule gets a new version (then a replay recomputes every row). Pure:
 * the same events always give the same flags. Today it is fed by identity events; commerce and CRM events join as
 * those domains land.
 */
final class PersonFlagsRulebook {

    static final String VERSION = "1";

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
