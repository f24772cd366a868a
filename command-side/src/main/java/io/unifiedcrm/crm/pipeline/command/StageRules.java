package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.pipeline.api.ForecastCategory;
import io.unifiedcrm.crm.pipeline.api.NewPipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.api.StageProbability;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.RequiredText;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/** How a stage is made and changed: its name, probability, forecast category and flags, checked. */
final class StageRules {

    static final int MAX_STAGES = 50;
    static final int MAX_STAGE_NAME_LENGTH = 100;

    private StageRules() {
    }

    /** A new stage from a command's request; {@code prefix} locates it in the body ({@code stages[2].}, or empty). */
    static PipelineStage newStage(String prefix, NewPipelineStage input) {
        if (input == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, prefix.isEmpty() ? "stage" : prefix,
                    "A stage is required.");
        }
        boolean won = Boolean.TRUE.equals(input.isWon());
        boolean closed = input.isClosed() == null ? won : input.isClosed();
        return stage(prefix, input.stageId(), RequiredText.of(prefix + "name", input.name(), MAX_STAGE_NAME_LENGTH)
                .value(), StageProbability.of(prefix + "probability", input.probability()),
                input.forecastCategory(), closed, won);
    }

    /**
     * A stage after a change; {@code null} parts stay. Setting {@code isWon} closes the stage unless {@code isClosed}
     * says otherwise; opening it ({@code isClosed: false}) makes it not won unless {@code isWon} says otherwise.
     */
    static PipelineStage changed(PipelineStage current, String name, BigDecimal probability, String forecastCategory,
                                 Boolean isClosed, Boolean isWon) {
        boolean won = isWon != null ? isWon : Boolean.FALSE.equals(isClosed) ? false : current.isWon();
        boolean closed = isClosed != null ? isClosed : Boolean.TRUE.equals(isWon) || current.isClosed();
        boolean flagsChanged = won != current.isWon() || closed != current.isClosed();
        String category = forecastCategory != null ? forecastCategory
                : flagsChanged ? null : current.forecastCategory();
        return stage("", current.id(),
                name == null ? current.name() : RequiredText.of("name", name, MAX_STAGE_NAME_LENGTH).value(),
                probability == null ? current.probability() : StageProbability.of("probability", probability),
                category, closed, won);
    }

    private static PipelineStage stage(String prefix, UUID id, String name, BigDecimal probability,
                                       String forecastCategory, boolean closed, boolean won) {
        if (won && !closed) {
            throw new DomainRuleViolation(ErrorCode.INVALID_STAGE, prefix + "isClosed",
                    "A won stage is closed: isWon true needs isClosed true.");
        }
        String category = forecastCategory == null ? ForecastCategory.defaultFor(closed, won).code()
                : ForecastCategory.of(prefix + "forecastCategory", forecastCategory).code();
        return new PipelineStage(id, name, probability, category, closed, won);
    }

    /** @throws DomainRuleViolation {@code stage_name_taken} when another of the stages has the name (any case) */
    static void requireFreeName(Collection<PipelineStage> stages, PipelineStage stage, String field) {
        String wanted = stage.name().toLowerCase(Locale.ROOT);
        for (PipelineStage other : stages) {
            if (!other.id().equals(stage.id()) && other.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                throw new DomainRuleViolation(ErrorCode.STAGE_NAME_TAKEN, field,
                        "Another stage of the pipeline is called " + other.name() + ".", other.id().toString());
            }
        }
    }

    /** @throws DomainRuleViolation {@code no_open_stage} unless a deal could be in one of the stages */
    static void requireOpenStage(Collection<PipelineStage> stages, String field) {
        if (stages.stream().noneMatch(stage -> !stage.isClosed())) {
            throw new DomainRuleViolation(ErrorCode.NO_OPEN_STAGE, field,
                    "A pipeline has at least one open stage (not closed).");
        }
    }
}
