package io.unifiedcrm.platform.definition.command;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ExecutionContext;
import java.time.Duration;
import java.util.List;

/**
 * What validating one request's properties may cost: a time budget shared by every keyword and every
 * regular-expression match of the validation, and a number of errors. The validator steps into each keyword it
 * evaluates through {@link #evaluationPathAddLast}, where the budget is checked and the validation ended when it is
 * spent; errors are counted in {@link #addError}, and a pattern's matcher checks the same deadline
 * ({@link BoundedRegularExpressions}). The errors are read at the end through {@link #getErrors}, which ends the
 * validation as well if the budget was spent since the last step.
 */
final class ValidationBudget extends ExecutionContext {

    static final Duration TIME = Duration.ofMillis(250);
    /** Errors recorded, also inside branches of anyOf/oneOf that are dropped afterwards. */
    static final int ERRORS = 10_000;

    private static final ThreadLocal<ValidationBudget> CURRENT = new ThreadLocal<>();

    private final long deadline;
    private int errors;
    private int steps;
    private boolean exhausted;

    private ValidationBudget(ExecutionConfig config, long deadline) {
        super(config);
        this.deadline = deadline;
    }

    /** Runs {@code validation} within a fresh budget; the budget is the current one of the thread meanwhile. */
    static <T> T spend(ExecutionConfig config, java.util.function.Function<ValidationBudget, T> validation) {
        ValidationBudget budget = new ValidationBudget(config, System.nanoTime() + TIME.toNanos());
        ValidationBudget outer = CURRENT.get();
        CURRENT.set(budget);
        try {
            return validation.apply(budget);
        } catch (StackOverflowError tooDeep) {
            // a schema stored before references were checked for cycles
            throw new Exhausted();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The deadline of the validation running on this thread, if one is. */
    static long currentDeadline(long otherwise) {
        ValidationBudget budget = CURRENT.get();
        return budget == null ? otherwise : budget.deadline;
    }

    /** Ends the validation running on this thread, if one is, at its next step or error. */
    static void exhaustCurrent() {
        ValidationBudget budget = CURRENT.get();
        if (budget != null) {
            budget.exhausted = true;
        }
    }

    @Override
    public List<Error> getErrors() {
        if (exhausted) {
            throw new Exhausted();
        }
        return super.getErrors();
    }

    @Override
    public void evaluationPathAddLast(String token) {
        spendStep();
        super.evaluationPathAddLast(token);
    }

    @Override
    public void evaluationPathAddLast(int token) {
        spendStep();
        super.evaluationPathAddLast(token);
    }

    @Override
    public void addError(Error error) {
        // not thrown here: a keyword validator logs an exception from within at ERROR before passing it on
        if (exhausted || ++errors > ERRORS) {
            exhausted = true;
            return;
        }
        super.addError(error);
    }

    private void spendStep() {
        if (exhausted || (++steps & 0xFF) == 0 && System.nanoTime() > deadline) {
            throw new Exhausted();
        }
    }

    /** The budget ran out; the validation stops where it is. */
    static final class Exhausted extends RuntimeException {

        Exhausted() {
            super(null, null, false, false);
        }
    }
}
