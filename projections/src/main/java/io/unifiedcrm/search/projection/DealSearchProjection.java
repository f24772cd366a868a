package io.unifiedcrm.search.projection;

import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealLostEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealStatus;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.search.api.SearchType;
import io.unifiedcrm.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Deals' search documents, from the Deal's events: found by name; the subtitle shows the status and the amount. Won
 * and lost deals stay searchable (a stage move within open stages changes nothing the document shows).
 */
@Component
@ProcessingGroup(SearchProcessingGroup.NAME)
class DealSearchProjection {

    private final SearchDocuments documents;

    DealSearchProjection(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(DealCreatedEvent event, @SequenceNumber long sequenceNumber) {
        documents.insertIfAbsent(new DealSource(event.name(), DealStatus.inStage(event.stageIsClosed(),
                event.stageIsWon()).code(), null, null).withAmount(event.amount())
                .document(event.dealId(), event.organizationId(), sequenceNumber));
    }

    @EventHandler
    void on(DealChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.dealId(), sequenceNumber, deal -> new DealSource(event.name(), deal.status(), null, null)
                .withAmount(event.amount()));
    }

    @EventHandler
    void on(DealWonEvent event, @SequenceNumber long sequenceNumber) {
        change(event.dealId(), sequenceNumber, deal -> new DealSource(deal.name(), DealStatus.WON.code(), null, null)
                .withAmount(event.amount()));
    }

    @EventHandler
    void on(DealLostEvent event, @SequenceNumber long sequenceNumber) {
        change(event.dealId(), sequenceNumber, deal -> deal.withStatus(DealStatus.LOST));
    }

    @EventHandler
    void on(DealReopenedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.dealId(), sequenceNumber, deal -> deal.withStatus(DealStatus.OPEN));
    }

    @ResetHandler
    void reset() {
        documents.deleteAll(SearchType.DEAL);
    }

    private void change(UUID dealId, long sequenceNumber, UnaryOperator<DealSource> change) {
        documents.find(dealId, SearchType.DEAL).filter(stored -> stored.version() < sequenceNumber)
                .ifPresent(stored -> documents.update(change.apply(stored.source(DealSource.class))
                        .document(dealId, stored.organizationId(), sequenceNumber)));
    }

    /** What a deal's document is built from; the amount a decimal string. */
    record DealSource(String name, String status, String amount, String currency) {

        DealSource withAmount(Money money) {
            return money == null ? new DealSource(name, status, null, null)
                    : new DealSource(name, status, money.amount().toPlainString(), money.currency());
        }

        DealSource withStatus(DealStatus newStatus) {
            return new DealSource(name, newStatus.code(), amount, currency);
        }

        /** Title: the name; subtitle: the status and the amount ("won · 1200.5000 EUR"). */
        SearchDocument document(UUID dealId, UUID organizationId, long version) {
            List<SearchField> fields = new ArrayList<>();
            SearchField.addTo(fields, SearchField.a("name", name));
            String subtitle = amount == null ? status : status + " · " + amount + " " + currency;
            return new SearchDocument(SearchType.DEAL, dealId, organizationId, null, SearchDocument.ACTIVE,
                    name == null ? "" : name, subtitle, fields, name, List.of(), this, version);
        }
    }
}
