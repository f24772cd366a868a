package io.unifiedcrm.crm.pipeline.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;

/**
 * How a stage's deals count in a sales forecast (after Salesforce's forecast categories): {@code pipeline},
 * {@code best_case}, {@code commit}, {@code closed} (won business), {@code omitted} (left out, e.g. lost deals).
 */
public enum ForecastCategory {
    PIPELINE("pipeline"),
    BEST_CASE("best_case"),
    COMMIT("commit"),
    CLOSED("closed"),
    OMITTED("omitted");

    private final String code;

    ForecastCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws DomainRuleViolation {@code unknown_forecast_category} naming {@code field} */
    public static ForecastCategory of(String field, String code) {
        for (ForecastCategory category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new DomainRuleViolation(ErrorCode.UNKNOWN_FORECAST_CATEGORY, field,
                "forecastCategory is pipeline, best_case, commit, closed or omitted.");
    }

    /** The category a stage has when none is given: closed when won, omitted when lost, pipeline when open. */
    public static ForecastCategory defaultFor(boolean isClosed, boolean isWon) {
        return isWon ? CLOSED : isClosed ? OMITTED : PIPELINE;
    }
}
