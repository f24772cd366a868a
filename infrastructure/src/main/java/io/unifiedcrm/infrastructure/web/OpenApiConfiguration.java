package io.unifiedcrm.infrastructure.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.unifiedcrm.infrastructure.idempotency.IdempotencyFilter;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every endpoint with bearer authentication, the headers every
 * request may carry (X-Correlation-Id; Idempotency-Key on mutations; X-Min-Version on {@link ReadYourWrites} reads)
 * and the problem answers they may give.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
            "400", "Malformed request: unreadable JSON, unknown property, wrong type, bad header or cursor",
            "401", "No or invalid credential",
            "403", "The credential lacks the scope or role",
            "404", "Not found, or belongs to another organization",
            "413", "Body over 1 MiB",
            "429", "Rate limited (rate_limited), too many refused credentials from this address "
                    + "(too_many_refused_credentials), or too many expensive reads of the organization at once "
                    + "(too_many_concurrent_requests); see Retry-After",
            "503", "A statement ran past its timeout (statement_timeout), or, sent with an Idempotency-Key, the "
                    + "request could not be committed (not_committed); nothing changed; retry after Retry-After");
    private static final Map<String, String> MUTATION_PROBLEMS = Map.of(
            "409", "Business conflict, or a request with this Idempotency-Key is in flight",
            "412", "If-Match names another version",
            "422", "Well-formed but breaks a rule, or an Idempotency-Key reused with another body");

    static {
        // Filled from the credential, not from the request: not API parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, CallerOrganization.class);
    }

    @Bean
    public OpenAPI unifiedCrmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Unified CRM API").version("v1")
                        .description("One view of every person across sales and selling. Errors are "
                                + "application/problem+json with a stable code and the request's correlationId."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An organization API key or JWT, or the platform admin key for "
                                        + "admin endpoints."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    public OperationCustomizer headersAndProblems() {
        return (operation, handlerMethod) -> {
            operation.addParametersItem(new HeaderParameter().name(CorrelationIdFilter.HEADER).required(false)
                    .description("Your id for this request; generated when absent; echoed and logged")
                    .schema(new StringSchema().example("checkout-7f3a")));
            if (handlerMethod.hasMethodAnnotation(ReadYourWrites.class)) {
                operation.addParametersItem(new HeaderParameter().name(ReadYourWrites.HEADER).required(false)
                        .description("Read-your-writes: wait (bounded, default 5 s) until the read model shows this "
                                + "version (a command's answer, 3 or \"3\"); if it does not in time, the current "
                                + "state is answered with " + ReadYourWrites.STALE_HEADER + ": true")
                        .schema(new StringSchema().example("3")));
            }
            boolean mutation = !handlerMethod.hasMethodAnnotation(GetMapping.class);
            if (mutation) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Retries with the same key and body get the original answer (kept 24 h); what the "
                                + "request changes and the answer kept for its retries commit together")
                        .schema(new StringSchema().example("order-42-create")));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            for (ProblemResponse problem : handlerMethod.getMethod().getAnnotationsByType(ProblemResponse.class)) {
                addProblem(responses, problem.status(), problem.description());
            }
            COMMON_PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
            if (mutation) {
                MUTATION_PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("https://unifiedcrm.io/problems/invalid-email"))
                .addProperty("title", new StringSchema().example("Unprocessable Entity"))
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("Not a valid e-mail address."))
                .addProperty("code", new StringSchema().example("invalid_email"))
                .addProperty("correlationId", new StringSchema().example("checkout-7f3a"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("email"))
                        .addProperty("pointer", new StringSchema().example("/email"))
                        .addProperty("message", new StringSchema().example("Not a valid e-mail address."))));
    }
}
