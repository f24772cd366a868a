package io.unifiedcrm.platform.definition.command;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code pattern} and {@code patternProperties} of customers' schemas, run with a time budget per match: a
 * pattern that backtracks catastrophically (e.g. {@code ^(a|a)*$} on a long value) must not hold a thread — and the
 * object type's lock — for minutes. A match that runs out of time (or of stack, which the JDK's matcher uses per
 * repetition) counts as no match, so the value is refused.
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
            try {
                return pattern.matcher(new Deadline(value, System.nanoTime() + budgetNanos)).find();
            } catch (OutOfTime | StackOverflowError tooCostly) {
                // the JDK's matcher recurses per repetition: a long value can exhaust the stack as well as the time
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
