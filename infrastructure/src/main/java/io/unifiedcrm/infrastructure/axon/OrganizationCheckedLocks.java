package io.unifiedcrm.infrastructure.axon;

import java.util.UUID;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The aggregates' locks (every {@code @Aggregate} names this factory), taken only for an aggregate of the
 * organization the current message was sent for. Axon's repository locks an aggregate and then loads it, and only
 * the loaded aggregate could tell that it belongs to another organization: one tenant naming another's ids could
 * make the service read their histories and hold their locks, so that their own commands waited. Here another
 * organization's aggregate is missing before anything is locked or read: the same {@link AggregateNotFoundException}
 * as an unknown id, so the answer (404, or the 422 of an id named in a body) cannot tell them apart. Messages sent
 * for no organization (the platform admin, the system) are not checked.
 */
public class OrganizationCheckedLocks implements LockFactory {

    /** The bean name every {@code @Aggregate(lockFactory = ...)} gives. */
    public static final String BEAN_NAME = "organizationCheckedLocks";

    private final AggregateOwners owners;
    private final CreatingCommands creatingCommands = CreatingCommands.ofTheAggregates();
    private final LockFactory locks = PessimisticLockFactory.usingDefaults();

    public OrganizationCheckedLocks(AggregateOwners owners) {
        this.owners = owners;
    }

    @Override
    public Lock obtainLock(String aggregateIdentifier) {
        UUID caller = callerOrganization();
        if (caller != null && !createdByTheCurrentCommand(aggregateIdentifier)) {
            owners.ownerOf(aggregateIdentifier).filter(owner -> !owner.equals(caller)).ifPresent(other -> {
                throw new AggregateNotFoundException(aggregateIdentifier,
                        "No aggregate with this id in the caller's organization");
            });
        }
        return locks.obtainLock(aggregateIdentifier);
    }

    /** A new aggregate is locked before its first event exists: it has no owner to look up. */
    private boolean createdByTheCurrentCommand(String aggregateIdentifier) {
        return creatingCommands.creates(CurrentUnitOfWork.get().getMessage(), aggregateIdentifier);
    }

    /** The organization of the innermost unit of work's message that names one. */
    private static UUID callerOrganization() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        for (UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get(); unitOfWork != null;
             unitOfWork = unitOfWork.parent().orElse(null)) {
            Message<?> message = unitOfWork.getMessage();
            String organization = message == null ? null : AggregateOwners.callerOrganization(message.getMetaData());
            if (organization != null) {
                return AggregateOwners.uuidOrNull(organization);
            }
        }
        return null;
    }
}
