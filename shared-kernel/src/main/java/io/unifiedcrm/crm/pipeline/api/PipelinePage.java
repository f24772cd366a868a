package io.unifiedcrm.crm.pipeline.api;

import java.util.List;

public record PipelinePage(List<PipelineView> items, boolean hasMore) {
}
