package io.unifiedcrm.projection.runtime.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

class DeadLetterPolicyTest {

    private final DeadLetterPolicy policy = new DeadLetterPolicy();
    private final EventMessage<?> event = new GenericDomainEventMessage<>("Person", UUID.randomUUID().toString(), 3,
            "payload");

    @Test
    void everyFailureIsDeadLetteredWithTheInnermostMessageTruncatedToItsColumn() {
        SQLException postgres = new SQLException("ERROR: poison " + "x".repeat(2000));
        UncategorizedSQLException failure = new UncategorizedSQLException("PreparedStatementCallback",
                "UPDATE identity.person SET first_name = ? WHERE id = ?", postgres);
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("sequence", event, failure);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(cause).isInstanceOf(org.axonframework.messaging.deadletter.ThrowableCause.class);
            var throwableCause = (org.axonframework.messaging.deadletter.ThrowableCause) cause;
            assertThat(throwableCause.type()).isEqualTo(UncategorizedSQLException.class.getName());
            assertThat(throwableCause.message()).startsWith("SQLException: ERROR: poison xxx")
                    .hasSize(DeadLetterPolicy.MAX_MESSAGE_LENGTH);
        });
        assertThat(decision.withDiagnostics(letter).diagnostics().get("attempts")).isEqualTo(1L);
    }

    /** Issue 17, the fault runs: a statement timeout in a projection parked its event before. */
    @Test
    void aFailureOfTheDatabaseIsNeverDeadLetteredButFailsTheBatch() {
        for (String state : java.util.List.of("57014", "08006", "57P01", "40P01", "55P03", "53300")) {
            UncategorizedSQLException failure = new UncategorizedSQLException("PreparedStatementCallback",
                    "INSERT INTO crm.activity ...", new SQLException("ERROR: canceling statement", state));
            DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("sequence", event, failure);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.decide(letter, failure)).as(state)
                    .isInstanceOf(DeadLetterPolicy.DatabaseUnavailable.class).hasCause(failure);
        }
        SQLException constraint = new SQLException("ERROR: null value in column", "23502");
        assertThat(policy.decide(new GenericDeadLetter<>("sequence", event, constraint), constraint).shouldEnqueue())
                .as("a failure the event causes").isTrue();
    }

    @Test
    void aFailedRetryCountsAnotherAttempt() {
        IllegalStateException failure = new IllegalStateException("still failing");
        DeadLetter<EventMessage<?>> retried = new GenericDeadLetter<EventMessage<?>>("sequence", event, failure)
                .withDiagnostics(diagnostics -> diagnostics.and("attempts", 2));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(retried, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.withDiagnostics(retried).diagnostics().get("attempts")).isEqualTo(3L);
        assertThat(DeadLetterPolicy.causeOf(failure).message()).isEqualTo("still failing");
    }
}
