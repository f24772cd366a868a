package io.unifiedcrm.platform.definition.command;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code pattern} and {@code patternProperties} of customers' schemas, run against a deadline: a pattern that
 * backtracks catastrophically (e.g. {@code ^(a|a)*$} on a long value) must not hold a thread — and the object
 * type's lock — for minutes. Within a record's validation the deadline is the validation's ({@link ValidationBudget}),
 * shared by all its matches, and running out of it ends the validation; elsewhere (the meta-schema's own patterns)
 * each match has its own budget and a match that runs out counts as no match. A match that runs out of stack (the
 * JDK's matcher recurses per repetition) counts as no match, so the value is refused.
 */
final class BoundedRegularExpressions implements RegularExpressionFactory {

    private final long budgetNanos;

    BoundedRegularExpressions(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> {
            long deadline = ValidationBudget.currentDeadline(System.nanoTime() + budgetNanos);
            try {
                return pattern.matcher(new Deadline(value, deadline)).find();
            } catch (OutOfTime outOfTime) {
                // the validator logs and rethrows what a match throws; the validation's budget ends it instead
                ValidationBudget.exhaustCurrent();
                return false;
            } catch (StackOverflowError tooDeep) {
                // the JDK's matcher recurses per repetition: a long value can exhaust the stack
                return false;
            }
        };
    }

    /** A character sequence that stops the matcher reading it once its deadline has passed. */
    private static final class Deadline implements CharSequence {

        private final CharSequence value;
        private final long deadline;
        private int reads;

        Deadline(CharSequence value, long deadline) {
            this.value = value;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
                throw new OutOfTime();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(value.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private static final class OutOfTime extends RuntimeException {

        OutOfTime() {
            super(null, null, false, false);
        }
    }
}
