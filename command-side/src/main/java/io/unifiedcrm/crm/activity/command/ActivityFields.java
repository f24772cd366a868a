package io.unifiedcrm.crm.activity.command;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.activity.api.CallOutcome;
import io.unifiedcrm.crm.activity.api.ChangeActivityCommand;
import io.unifiedcrm.crm.activity.api.CreateActivityCommand;
import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.crm.pipeline.command.DealsPerStage;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import io.unifiedcrm.shared.FreeText;
import io.unifiedcrm.shared.PointInTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What an activity says, and the rules per type: which fields a type has, which it requires, the limits of texts,
 * durations and meeting times, and at least one link (person, deal or company). Timestamps are kept to the
 * microsecond, as the read models store them.
 */
public record ActivityFields(UUID personId, UUID dealId, UUID companyId, UUID ownerId, String subject, String body,
                             Instant occurredAt, Instant dueAt, Long durationSeconds, String outcome,
                             Instant startAt, Instant endAt) {

    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 10_000;
    static final long MAX_DURATION_SECONDS = 86_400;

    /** The fields of a type beyond the links, owner, subject and body. */
    private static final Map<ActivityType, List<String>> OWN_FIELDS = Map.of(
            ActivityType.TASK, List.of("dueAt"),
            ActivityType.CALL, List.of("occurredAt", "durationSeconds", "outcome"),
            ActivityType.MEETING, List.of("startAt", "endAt"),
            ActivityType.NOTE, List.of("occurredAt"));

    public static ActivityFields of(CreateActivityCommand command) {
        return new ActivityFields(command.personId(), command.dealId(), command.companyId(), command.ownerId(),
                command.subject(), command.body(), command.occurredAt(), command.dueAt(), command.durationSeconds(),
                command.outcome(), command.startAt(), command.endAt());
    }

    public static ActivityFields of(ActivityCreatedEvent event) {
        return new ActivityFields(event.personId(), event.dealId(), event.companyId(), event.ownerId(),
                event.subject(), event.body(), event.occurredAt(), event.dueAt(), event.durationSeconds(),
                event.outcome(), event.startAt(), event.endAt());
    }

    public static ActivityFields of(ActivityChangedEvent event) {
        return new ActivityFields(event.personId(), event.dealId(), event.companyId(), event.ownerId(),
                event.subject(), event.body(), event.occurredAt(), event.dueAt(), event.durationSeconds(),
                event.outcome(), event.startAt(), event.endAt());
    }

    /** These fields after a merge patch, not checked yet. */
    public ActivityFields changedBy(ChangeActivityCommand command) {
        return new ActivityFields(value(command.personId(), personId), value(command.dealId(), dealId),
                value(command.companyId(), companyId), value(command.ownerId(), ownerId),
                value(command.subject(), subject), value(command.body(), body),
                value(command.occurredAt(), occurredAt), value(command.dueAt(), dueAt),
                value(command.durationSeconds(), durationSeconds), value(command.outcome(), outcome),
                value(command.startAt(), startAt), value(command.endAt(), endAt));
    }

    /**
     * These fields as an activity of the type has them: texts trimmed (blank is absent), timestamps to the
     * microsecond. @throws DomainRuleViolation naming the first field that breaks a rule
     */
    public ActivityFields checkedFor(ActivityType type) {
        List<String> own = OWN_FIELDS.get(type);
        valuesOfTypeFields().forEach((field, value) -> {
            if (value != null && !own.contains(field)) {
                throw new DomainRuleViolation(ErrorCode.FIELD_NOT_APPLICABLE, field,
                        "A " + type.code() + " has no " + field + ".");
            }
        });
        ActivityFields checked = new ActivityFields(personId, dealId, companyId, ownerId,
                FreeText.of("subject", subject, MAX_SUBJECT_LENGTH), FreeText.of("body", body, MAX_BODY_LENGTH),
                PointInTime.of("occurredAt", occurredAt), PointInTime.of("dueAt", dueAt), durationSeconds, outcome,
                PointInTime.of("startAt", startAt), PointInTime.of("endAt", endAt));
        switch (type) {
            case TASK, MEETING -> require("subject", checked.subject());
            case NOTE -> require("body", checked.body());
            case CALL -> require("outcome", outcome);
            default -> throw new IllegalStateException("Not a loggable type: " + type);
        }
        if (outcome != null) {
            CallOutcome.of(outcome);
        }
        if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_DURATION, "durationSeconds",
                    "durationSeconds is a whole number from 0 to " + MAX_DURATION_SECONDS + ".");
        }
        if (type == ActivityType.MEETING) {
            require("startAt", startAt);
            require("endAt", endAt);
            if (!checked.startAt().isBefore(checked.endAt())) {
                throw new DomainRuleViolation(ErrorCode.INVALID_MEETING_TIME, "endAt",
                        "A meeting ends after it starts.");
            }
        }
        if (personId == null && dealId == null && companyId == null) {
            throw new DomainRuleViolation(ErrorCode.ACTIVITY_WITHOUT_LINK, null,
                    "An activity is linked to a person, a deal or a company (personId, dealId, companyId).");
        }
        return checked;
    }

    /**
     * The person and the owner must be persons and the company a {@code company} record of the organization; only
     * what differs from {@code before} (null for a new activity) is checked. Deals are looked up in the command side's deal lookup.
     */
    public void requireReferences(ActivityFields before, UUID organizationId, OrganizationPersons persons,
                                  CompanyRecords companies, DealsPerStage deals) {
        if (changed(dealId, before == null ? null : before.dealId()) && !deals.contains(organizationId, dealId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_DEAL, "dealId", "No deal with this id in this organization.");
        }
        if (changed(personId, before == null ? null : before.personId())
                && !persons.contains(organizationId, personId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId",
                    "No person with this id in this organization.");
        }
        if (changed(companyId, before == null ? null : before.companyId())
                && !companies.contains(organizationId, companyId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_COMPANY, "companyId",
                    "No company record with this id in this organization.");
        }
        if (changed(ownerId, before == null ? null : before.ownerId())
                && !persons.contains(organizationId, ownerId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_OWNER, "ownerId",
                    "No person with this id in this organization.");
        }
    }

    ActivityCreatedEvent createdEvent(UUID activityId, UUID organizationId, ActivityType type) {
        return new ActivityCreatedEvent(activityId, organizationId, type.code(), personId, dealId, companyId, ownerId,
                subject, body, occurredAt, dueAt, durationSeconds, outcome, startAt, endAt);
    }

    ActivityChangedEvent changedEvent(UUID activityId, UUID organizationId, ActivityType type) {
        return new ActivityChangedEvent(activityId, organizationId, type.code(), personId, dealId, companyId, ownerId,
                subject, body, occurredAt, dueAt, durationSeconds, outcome, startAt, endAt);
    }

    private Map<String, Object> valuesOfTypeFields() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("occurredAt", occurredAt);
        values.put("dueAt", dueAt);
        values.put("durationSeconds", durationSeconds);
        values.put("outcome", outcome);
        values.put("startAt", startAt);
        values.put("endAt", endAt);
        return values;
    }

    private static boolean changed(UUID now, UUID before) {
        return now != null && !Objects.equals(now, before);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, field, "A value for " + field + " is required.");
        }
    }

    private static <T> T value(FieldChange<T> change, T current) {
        return change == null ? current : change.value();
    }
}
