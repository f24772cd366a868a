package io.unifiedcrm.crm.activity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCompletedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.activity.api.ChangeActivityCommand;
import io.unifiedcrm.crm.activity.api.CompleteActivityCommand;
import io.unifiedcrm.crm.activity.api.CreateActivityCommand;
import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.crm.pipeline.command.DealsPerStage;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One activity of a sales team (seed: crm.activity): a task, call, meeting or note, linked to a person, a deal
 * and/or a company; {@link ActivityFields} holds its rules per type. Only a task is completed.
 */
@Aggregate(cache = "activityCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Activity {

    @AggregateIdentifier
    private UUID activityId;
    private UUID organizationId;
    private ActivityType type;
    private ActivityFields fields;
    private boolean completed;

    protected Activity() {
        // for Axon
    }

    /** @return the activity's version after creation */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateActivityCommand command, OrganizationPersons persons, CompanyRecords companies,
                       DealsPerStage deals) {
        ActivityType loggedType = ActivityType.loggable(command.type());
        ActivityFields checked = ActivityFields.of(command).checkedFor(loggedType);
        checked.requireReferences(null, command.organizationId(), persons, companies, deals);
        apply(checked.createdEvent(command.activityId(), command.organizationId(), loggedType));
        return AggregateLifecycle.getVersion();
    }

    /** Merge patch of the activity. @return its version after the change (unchanged if nothing differs) */
    @CommandHandler
    public long handle(ChangeActivityCommand command, OrganizationPersons persons, CompanyRecords companies,
                       DealsPerStage deals) {
        requireActivityOf(command.organizationId());
        ActivityFields changed = fields.changedBy(command).checkedFor(type);
        changed.requireReferences(fields, organizationId, persons, companies, deals);
        if (!changed.equals(fields)) {
            apply(changed.changedEvent(activityId, organizationId, type));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the task's version after completion; completing it again changes nothing */
    @CommandHandler
    public long handle(CompleteActivityCommand command) {
        requireActivityOf(command.organizationId());
        if (type != ActivityType.TASK) {
            throw new DomainRuleViolation(ErrorCode.NOT_A_TASK, null,
                    "Only a task is completed; this activity is a " + type.code() + ".");
        }
        if (!completed) {
            apply(new ActivityCompletedEvent(activityId, organizationId, type.code(), fields.personId(),
                    fields.dealId(), fields.companyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Another organization's activity must look exactly like a missing one. */
    private void requireActivityOf(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(ActivityCreatedEvent event) {
        this.activityId = event.activityId();
        this.organizationId = event.organizationId();
        this.type = ActivityType.fromCode(event.type());
        this.fields = ActivityFields.of(event);
    }

    @EventSourcingHandler
    void on(ActivityChangedEvent event) {
        this.fields = ActivityFields.of(event);
    }

    @EventSourcingHandler
    void on(ActivityCompletedEvent event) {
        this.completed = true;
    }
}
