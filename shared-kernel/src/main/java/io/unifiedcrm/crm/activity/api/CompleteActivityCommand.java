package io.unifiedcrm.crm.activity.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Marks a task done; only tasks complete, and a completed task stays as it is. */
public record CompleteActivityCommand(@TargetAggregateIdentifier UUID activityId, UUID organizationId,
                                      @TargetAggregateVersion Long expectedVersion) {
}
