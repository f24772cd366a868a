package io.unifiedcrm.shared;

/**
 * Stable machine codes of domain rule violations. The {@link #code()} is part of the public API: never change one.
 */
public enum ErrorCode {
    INVALID_EMAIL("invalid_email", ErrorKind.INVALID),
    INVALID_PHONE("invalid_phone", ErrorKind.INVALID),
    INVALID_NAME("invalid_name", ErrorKind.INVALID),
    UNKNOWN_CURRENCY("unknown_currency", ErrorKind.INVALID),
    UNKNOWN_SOURCE("unknown_source", ErrorKind.INVALID),
    INVALID_ACCESS("invalid_access", ErrorKind.INVALID),
    EMAIL_TAKEN("email_taken", ErrorKind.CONFLICT),
    UNKNOWN_PERSON("unknown_person", ErrorKind.INVALID),
    INVALID_SETTINGS("invalid_settings", ErrorKind.INVALID),
    UNKNOWN_LIFECYCLE_STAGE("unknown_lifecycle_stage", ErrorKind.INVALID),
    NO_PHONE("no_phone", ErrorKind.INVALID),
    INVALID_URL("invalid_url", ErrorKind.INVALID),
    INVALID_SOURCE_DETAILS("invalid_source_details", ErrorKind.INVALID),
    REQUIRED_FIELD("required_field", ErrorKind.INVALID),
    PERSON_MERGED("person_merged", ErrorKind.CONFLICT),
    MERGE_WITH_ITSELF("merge_with_itself", ErrorKind.INVALID),
    NOT_MERGED("not_merged", ErrorKind.CONFLICT),
    INVALID_ADDRESS("invalid_address", ErrorKind.INVALID),
    UNKNOWN_COUNTRY("unknown_country", ErrorKind.INVALID),
    UNKNOWN_ADDRESS_TYPE("unknown_address_type", ErrorKind.INVALID),
    UNKNOWN_ENTITY_TYPE("unknown_entity_type", ErrorKind.INVALID),
    UNKNOWN_OWNER("unknown_owner", ErrorKind.INVALID),
    UNKNOWN_TEAM("unknown_team", ErrorKind.INVALID),
    TEAM_LIMIT_REACHED("team_limit_reached", ErrorKind.CONFLICT),
    TEAM_MEMBER_LIMIT_REACHED("team_member_limit_reached", ErrorKind.CONFLICT),
    PIPELINE_LIMIT_REACHED("pipeline_limit_reached", ErrorKind.CONFLICT),
    INVALID_OBJECT_TYPE_NAME("invalid_object_type_name", ErrorKind.INVALID),
    OBJECT_TYPE_TAKEN("object_type_taken", ErrorKind.CONFLICT),
    OBJECT_TYPE_LIMIT_REACHED("object_type_limit_reached", ErrorKind.CONFLICT),
    INVALID_SCHEMA("invalid_schema", ErrorKind.INVALID),
    TOO_MANY_PROPERTIES("too_many_properties", ErrorKind.INVALID),
    UNKNOWN_OBJECT_TYPE("unknown_object_type", ErrorKind.INVALID),
    OBJECT_TYPE_INACTIVE("object_type_inactive", ErrorKind.CONFLICT),
    SYSTEM_OBJECT_TYPE("system_object_type", ErrorKind.CONFLICT),
    INVALID_PROPERTIES("invalid_properties", ErrorKind.INVALID),
    VALIDATION_TOO_COSTLY("validation_too_costly", ErrorKind.INVALID),
    VALUE_TOO_LARGE("value_too_large", ErrorKind.INVALID),
    PROPERTIES_TOO_LARGE("properties_too_large", ErrorKind.TOO_LARGE),
    UNIQUE_VALUE_TAKEN("unique_value_taken", ErrorKind.CONFLICT),
    RECORD_ARCHIVED("record_archived", ErrorKind.CONFLICT),
    UNKNOWN_RECORD("unknown_record", ErrorKind.INVALID),
    UNKNOWN_ASSOCIATION("unknown_association", ErrorKind.INVALID),
    ASSOCIATION_LIMIT_REACHED("association_limit_reached", ErrorKind.CONFLICT),
    INVALID_MONEY("invalid_money", ErrorKind.INVALID),
    CURRENCY_MISMATCH("currency_mismatch", ErrorKind.INVALID),
    INVALID_SKU("invalid_sku", ErrorKind.INVALID),
    SKU_TAKEN("sku_taken", ErrorKind.CONFLICT),
    UNKNOWN_PRODUCT_STATUS("unknown_product_status", ErrorKind.INVALID),
    INVALID_QUANTITY("invalid_quantity", ErrorKind.INVALID),
    INSUFFICIENT_STOCK("insufficient_stock", ErrorKind.CONFLICT),
    UNKNOWN_PRODUCT("unknown_product", ErrorKind.INVALID),
    PRODUCT_ARCHIVED("product_archived", ErrorKind.CONFLICT),
    INVALID_TAX_RATE("invalid_tax_rate", ErrorKind.INVALID),
    INVALID_DISCOUNT("invalid_discount", ErrorKind.INVALID),
    INVALID_PAYMENT_METHOD("invalid_payment_method", ErrorKind.INVALID),
    UNKNOWN_ORDER_LINE("unknown_order_line", ErrorKind.INVALID),
    TOO_MANY_ORDER_LINES("too_many_order_lines", ErrorKind.INVALID),
    AMOUNT_EXCEEDS_BALANCE("amount_exceeds_balance", ErrorKind.INVALID),
    REFUND_EXCEEDS_PAYMENTS("refund_exceeds_payments", ErrorKind.INVALID),
    FULFILMENT_EXCEEDS_ORDER("fulfilment_exceeds_order", ErrorKind.INVALID),
    ORDER_NOT_IN_CART("order_not_in_cart", ErrorKind.CONFLICT),
    ORDER_EMPTY("order_empty", ErrorKind.CONFLICT),
    ORDER_NOT_PLACED("order_not_placed", ErrorKind.CONFLICT),
    ORDER_CLOSED("order_closed", ErrorKind.CONFLICT),
    ORDER_FULFILLED("order_fulfilled", ErrorKind.CONFLICT),
    ORDER_NOT_FULFILLED("order_not_fulfilled", ErrorKind.CONFLICT),
    ORDER_NOT_PAID("order_not_paid", ErrorKind.CONFLICT),
    NOTHING_PAID("nothing_paid", ErrorKind.CONFLICT),
    OUT_OF_STOCK("out_of_stock", ErrorKind.CONFLICT),
    DUPLICATE_ORDER_LINE("duplicate_order_line", ErrorKind.INVALID),
    PAYMENT_REFERENCE_REUSED("payment_reference_reused", ErrorKind.INVALID),
    UNKNOWN_PIPELINE("unknown_pipeline", ErrorKind.INVALID),
    UNKNOWN_STAGE("unknown_stage", ErrorKind.INVALID),
    INVALID_PROBABILITY("invalid_probability", ErrorKind.INVALID),
    UNKNOWN_FORECAST_CATEGORY("unknown_forecast_category", ErrorKind.INVALID),
    INVALID_STAGE("invalid_stage", ErrorKind.INVALID),
    STAGE_NAME_TAKEN("stage_name_taken", ErrorKind.CONFLICT),
    NO_OPEN_STAGE("no_open_stage", ErrorKind.INVALID),
    TOO_MANY_STAGES("too_many_stages", ErrorKind.INVALID),
    INVALID_STAGE_ORDER("invalid_stage_order", ErrorKind.INVALID),
    INVALID_POSITION("invalid_position", ErrorKind.INVALID),
    STAGE_HAS_DEALS("stage_has_deals", ErrorKind.CONFLICT),
    STAGE_CLOSED("stage_closed", ErrorKind.INVALID),
    UNKNOWN_COMPANY("unknown_company", ErrorKind.INVALID),
    DEAL_CLOSED("deal_closed", ErrorKind.CONFLICT),
    DEAL_NOT_CLOSED("deal_not_closed", ErrorKind.CONFLICT),
    NO_WON_STAGE("no_won_stage", ErrorKind.CONFLICT),
    NO_LOST_STAGE("no_lost_stage", ErrorKind.CONFLICT),
    TEXT_TOO_LONG("text_too_long", ErrorKind.INVALID),
    ALREADY_A_CONTACT("already_a_contact", ErrorKind.CONFLICT),
    NOT_A_CONTACT("not_a_contact", ErrorKind.CONFLICT),
    UNKNOWN_LEAD_STATUS("unknown_lead_status", ErrorKind.INVALID),
    UNKNOWN_ACTIVITY_TYPE("unknown_activity_type", ErrorKind.INVALID),
    UNKNOWN_CALL_OUTCOME("unknown_call_outcome", ErrorKind.INVALID),
    INVALID_DURATION("invalid_duration", ErrorKind.INVALID),
    INVALID_MEETING_TIME("invalid_meeting_time", ErrorKind.INVALID),
    ACTIVITY_WITHOUT_LINK("activity_without_link", ErrorKind.INVALID),
    FIELD_NOT_APPLICABLE("field_not_applicable", ErrorKind.INVALID),
    NOT_A_TASK("not_a_task", ErrorKind.CONFLICT),
    UNKNOWN_DEAL("unknown_deal", ErrorKind.INVALID),
    INVALID_DATE("invalid_date", ErrorKind.INVALID),
    REPLAY_NOT_POSSIBLE("replay_not_possible", ErrorKind.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent_modification", ErrorKind.CONFLICT),
    VERSION_MISMATCH("version_mismatch", ErrorKind.PRECONDITION_FAILED),
    /** Deliberately one code for every resource, so a foreign resource is indistinguishable from a missing one. */
    NOT_FOUND("not_found", ErrorKind.NOT_FOUND);

    private final String code;
    private final ErrorKind kind;

    ErrorCode(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static ErrorCode fromCode(String code) {
        for (ErrorCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown error code " + code);
    }
}
