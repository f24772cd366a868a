package io.unifiedcrm.infrastructure.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An answer that asks the caller to try again (a write that lost a race to another writer): a retry with the same
 * {@code Idempotency-Key} must run again, so the answer is not kept for it.
 */
public final class RetryableAnswer {

    private static final String ATTRIBUTE = RetryableAnswer.class.getName();

    private RetryableAnswer() {
    }

    /** Marks the current request's answer as one to try again. */
    public static void mark() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static boolean isMarked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
