package io.unifiedcrm.platform.record.command;

import io.unifiedcrm.platform.record.api.DissociateRecordsCommand;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a record is deleted, every association other records have with it is removed — as an event of each of
 * those records, so their history shows it and their association limits count right. The read models drop the
 * associations at once; this follows asynchronously (a streaming processor) and never runs in a replay.
 */
@Component
@ProcessingGroup("platform-association-cleanup")
class AssociationCleanup {

    private final RecordRegistry registry;
    private final CommandGateway commands;

    AssociationCleanup(RecordRegistry registry, CommandGateway commands) {
        this.registry = registry;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(RecordDeletedEvent event) {
        for (RecordRegistry.IncomingAssociation association : registry.associationsTo(event.recordId())) {
            commands.sendAndWait(new DissociateRecordsCommand(association.fromRecordId(),
                    association.organizationId(), event.recordId(), association.label()));
        }
    }
}
