package io.unifiedcrm.projection.runtime.deadletters;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.lang.reflect.Field;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JPA persistence context of a projection's transaction, kept in step with the event savepoints
 * ({@link EventSavepoints}) — the identity projections write through Spring Data JPA repositories:
 * <ul>
 *   <li>after each handler, what it changed in managed entities is flushed, so that a rollback to the event's
 *       savepoint covers it, and a failure of another event never takes this one's unflushed changes with it;</li>
 *   <li>after a rollback to a savepoint, the persistence context is cleared: its entities may hold the failed event's
 *       changes (or flushed ones the database no longer has), which would otherwise be written at commit;</li>
 *   <li>a failed repository call marks the transaction rollback-only twice — Spring's participating transaction and
 *       Hibernate's own — although the failure was rolled back to the savepoint; both marks are removed, or the
 *       processor's commit would roll back the whole batch (and the dead letter with it). Hibernate has no API for
 *       its mark, so its transaction driver's flag is reset by reflection (checked by {@code DeadLettersTest},
 *       whose poison event fails in a repository call); should that ever fail, the batch fails and is retried as
 *       before the dead-letter queues: nothing is skipped.</li>
 * </ul>
 */
@Component
class JpaSavepointParticipant implements SavepointParticipant {

    private final EntityManagerFactory entityManagerFactory;

    JpaSavepointParticipant(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void flush() {
        EntityManager entityManager = boundEntityManager();
        if (entityManager != null && entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
    }

    @Override
    public void rolledBack() {
        EntityManager entityManager = boundEntityManager();
        if (entityManager != null) {
            entityManager.clear();
        }
    }

    @Override
    public void resetRollbackOnly() {
        if (!(TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder)) {
            return;
        }
        holder.resetRollbackOnly();
        EntityTransaction transaction = holder.getEntityManager().getTransaction();
        if (transaction.isActive() && transaction.getRollbackOnly()) {
            clearHibernateRollbackOnly(holder.getEntityManager());
            if (transaction.getRollbackOnly()) {
                throw new IllegalStateException("The transaction stays rollback-only after a rollback to a savepoint");
            }
        }
    }

    private EntityManager boundEntityManager() {
        return TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder
                ? holder.getEntityManager() : null;
    }

    private static void clearHibernateRollbackOnly(EntityManager entityManager) {
        Object driver = entityManager.unwrap(SessionImplementor.class).getTransactionCoordinator()
                .getTransactionDriverControl();
        try {
            Field rollbackOnly = driver.getClass().getDeclaredField("rollbackOnly");
            rollbackOnly.setAccessible(true);
            rollbackOnly.setBoolean(driver, false);
        } catch (ReflectiveOperationException | RuntimeException unexpected) {
            throw new IllegalStateException("Cannot clear Hibernate's rollback-only mark of " + driver.getClass(),
                    unexpected);
        }
    }
}
