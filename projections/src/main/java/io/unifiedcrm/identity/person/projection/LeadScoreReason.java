package io.unifiedcrm.identity.person.projection;

/** What earns a person lead score, and how much (part of {@link PersonFlagsRulebook}; a change is a new version). */
enum LeadScoreReason {
    EMAIL_VERIFIED("email_verified", 10),
    PHONE_VERIFIED("phone_verified", 5),
    ACCOUNT_REGISTERED("account_registered", 10),
    PURCHASE("purchase", 20),
    DEAL("deal", 15),
    CALL_CONNECTED("call_connected", 5),
    MEETING("meeting", 10);

    private final String code;
    private final int points;

    LeadScoreReason(String code, int points) {
        this.code = code;
        this.points = points;
    }

    String code() {
        return code;
    }

    int points() {
        return points;
    }
}
