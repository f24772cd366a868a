package io.unifiedcrm.crm.pipeline.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.pipeline.api.FindPipelineQuery;
import io.unifiedcrm.crm.pipeline.api.FindPipelineSummaryQuery;
import io.unifiedcrm.crm.pipeline.api.FindPipelinesQuery;
import io.unifiedcrm.crm.pipeline.api.PipelinePage;
import io.unifiedcrm.crm.pipeline.api.PipelineSummaryView;
import io.unifiedcrm.crm.pipeline.api.PipelineView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineQueryController {

    private final QueryGateway queries;

    PipelineQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's pipelines with their stages in order, oldest first")
    ItemList<PipelineView> list(CallerOrganization organization, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        PipelinePage page = queries.query(new FindPipelinesQuery(organization.id(), after.createdAt(), after.id(),
                pageSize), PipelinePage.class).join();
        return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                PipelineView::createdAt, PipelineView::id));
    }

    @ReadYourWrites
    @GetMapping("/{pipelineId}")
    @Operation(summary = "Read a pipeline with its stages in order (probability, forecast category, flags)")
    ResponseEntity<PipelineView> get(CallerOrganization organization, @PathVariable UUID pipelineId) {
        PipelineView pipeline = queries.query(new FindPipelineQuery(organization.id(), pipelineId),
                ResponseTypes.optionalInstanceOf(PipelineView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(pipeline.version())).body(pipeline);
    }

    @GetMapping("/{pipelineId}/summary")
    @Operation(summary = "Deals per stage of a pipeline: count, amount and probability-weighted amount, and totals",
            description = "weightedAmount = amount × probability / 100 per stage, rounded half-even to 4 decimal "
                    + "places; the totals add up the stages.")
    PipelineSummaryView summary(CallerOrganization organization, @PathVariable UUID pipelineId) {
        return queries.query(new FindPipelineSummaryQuery(organization.id(), pipelineId),
                ResponseTypes.optionalInstanceOf(PipelineSummaryView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
    }
}
