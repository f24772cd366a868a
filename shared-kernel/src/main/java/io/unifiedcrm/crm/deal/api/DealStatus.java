package io.unifiedcrm.crm.deal.api;

/** Where a deal stands: open in an open stage, or closed in a won or a lost stage. */
public enum DealStatus {
    OPEN("open"),
    WON("won"),
    LOST("lost");

    private final String code;

    DealStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The status of a deal in a stage with these flags. */
    public static DealStatus inStage(boolean stageIsClosed, boolean stageIsWon) {
        return stageIsWon ? WON : stageIsClosed ? LOST : OPEN;
    }
}
