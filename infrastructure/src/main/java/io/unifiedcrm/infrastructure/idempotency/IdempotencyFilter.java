package io.unifiedcrm.infrastructure.idempotency;

import io.unifiedcrm.infrastructure.axon.RequestTransaction;
import io.unifiedcrm.infrastructure.security.CallerAuthentication;
import io.unifiedcrm.infrastructure.security.OrganizationCaller;
import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import io.unifiedcrm.infrastructure.web.RequestBodyLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST, PATCH and DELETE of the API. The same key with the same body gets the
 * original status and body again, marked {@code Idempotent-Replayed: true}, and changes nothing; the same key with
 * another body is refused (422); a retry that arrives while the original is still running is refused (409). Keys
 * are scoped to the caller's organization and the route. Server errors (5xx) are not kept, so they can be retried.
 * A secret in the answer is not kept: the replay has it as null ({@link WithheldFromReplays}).
 * <p>
 * The request runs in one database transaction ({@link RequestTransaction}) that also keeps its answer: what the
 * request changed and the answer its retries get commit together or not at all, so no crash, lost connection or
 * slow request makes a retry run it twice. Runs after authentication, which decides the scope.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> MUTATIONS = Set.of("POST", "PATCH", "DELETE", "PUT");
    private static final Set<String> KEPT_HEADERS = Set.of("Location", "ETag", "Content-Type");
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final String OPERATIONS = "/api/v1/admin/";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final ProblemResponseWriter problems;
    private final PlatformTransactionManager transactions;

    public IdempotencyFilter(IdempotencyKeys keys, ProblemResponseWriter problems,
                             PlatformTransactionManager transactions) {
        this.keys = keys;
        this.problems = problems;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !MUTATIONS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String scope = scopeOf(SecurityContextHolder.getContext().getAuthentication());
        if (scope == null) {
            chain.doFilter(request, response); // not authenticated: the security rules answer
            return;
        }
        if (!ACCEPTABLE_KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "invalid_idempotency_key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", tooLarge.getMessage());
            return;
        }
        String route = request.getMethod() + " " + request.getRequestURI();
        String fingerprint = fingerprint(route, request.getContentType(), body);

        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            if (!keys.lockForTransaction(scope, route, key)) {
                transactions.rollback(transaction);
                problems.write(response, HttpStatus.CONFLICT, "idempotency_request_in_flight",
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
                return;
            }
            IdempotencyClaim claim = keys.find(scope, route, key, fingerprint);
            if (claim instanceof IdempotencyClaim.Answered answered) {
                transactions.rollback(transaction);
                replay(answered.response(), response);
            } else if (claim instanceof IdempotencyClaim.ReusedForAnotherRequest) {
                transactions.rollback(transaction);
                problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                        "This Idempotency-Key was used for a different request.");
            } else {
                runAndKeep(new CachedBodyRequest(request, body), response, chain, transaction,
                        new Kept(scope, route, key, fingerprint));
            }
        } finally {
            if (!transaction.isCompleted()) {
                rollBackQuietly(transaction);
            }
        }
    }

    /** After a failure: a transaction whose connection broke is rolled back by the database itself. */
    private void rollBackQuietly(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (TransactionException failed) {
            LOG.debug("The transaction of a failed request could not be rolled back; its connection is gone", failed);
        }
    }

    /**
     * Runs the request in the transaction, which then commits its writes and its answer together: a request either
     * changed something and its answer is kept, or changed nothing. A refusal (4xx) changes nothing (a command the
     * request sent before the refusal is undone too) and its answer is kept after the rollback; a server error
     * changes nothing and is not kept, so a retry runs again.
     */
    private void runAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                            TransactionStatus transaction, Kept kept) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean operation = request.getRequestURI().startsWith(OPERATIONS);
        if (operation) {
            // operations stop, reset and start processors in transactions of their own; the key stays locked
            TransactionStatus suspended = transactions.getTransaction(
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NOT_SUPPORTED));
            try {
                chain.doFilter(request, recorded);
            } finally {
                transactions.commit(suspended);
            }
        } else {
            try (RequestTransaction.Scope ignored = RequestTransaction.open()) {
                chain.doFilter(request, recorded);
            }
        }
        int status = recorded.getStatus();
        if (status >= 400) {
            transactions.rollback(transaction);
            if (status < 500 && !RetryableAnswer.isMarked(request)) {
                keys.keep(kept.scope(), kept.route(), kept.key(), kept.fingerprint(), answerOf(request, recorded));
            }
            recorded.copyBodyToResponse();
            return;
        }
        try {
            keys.keep(kept.scope(), kept.route(), kept.key(), kept.fingerprint(), answerOf(request, recorded));
            transactions.commit(transaction);
        } catch (RuntimeException notCommitted) {
            if (!transaction.isCompleted()) {
                rollBackQuietly(transaction);
            }
            if (!operation) {
                LOG.warn("A request with an Idempotency-Key could not commit; it changed nothing", notCommitted);
                response.reset();
                response.setHeader("Retry-After", "1");
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "not_committed",
                        "The request could not be committed and changed nothing; retry it with the same "
                                + "Idempotency-Key.");
                return;
            }
            LOG.warn("The answer of an operation could not be kept for its Idempotency-Key", notCommitted);
        }
        recorded.copyBodyToResponse();
    }

    private static StoredResponse answerOf(HttpServletRequest request, ContentCachingResponseWrapper recorded) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = recorded.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        byte[] body = recorded.getContentAsByteArray();
        String withheld = WithheldFromReplays.of(request);
        if (withheld != null) {
            body = WithheldFromReplays.without(body, withheld);
            headers.put(WithheldFromReplays.HEADER, withheld);
        }
        return new StoredResponse(recorded.getStatus(), headers, body);
    }

    /** The key of a request and its request's fingerprint. */
    private record Kept(String scope, String route, String key, String fingerprint) {
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write(stored.body());
    }

    private static String scopeOf(Authentication authentication) {
        if (!(authentication instanceof CallerAuthentication caller)) {
            return null;
        }
        return caller.caller() instanceof OrganizationCaller organization
                ? "organization:" + organization.organizationId()
                : "admin";
    }

    private static String fingerprint(String route, String contentType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
