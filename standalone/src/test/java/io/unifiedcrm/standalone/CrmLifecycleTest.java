package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The sales half of a person's life over HTTP (issue 8's scenario): a lead from a lead form, a contact, a deal in the
 * default pipeline moved through its stages and won, calls and a meeting, then a completed order — with the
 * lifecycle stage and the lead score (rulebook version 4) exactly as the rulebook says for exactly those events.
 */
class CrmLifecycleTest extends StandaloneTest {

    private static final Duration PROJECTED = Duration.ofSeconds(15);

    @Test
    void aLeadBecomesACustomerWhenItsDealIsWonAndEveryScoringEventIsInItsHistory() {
        TestOrganization organization = api.createOrganization("Lifecycle GmbH");
        Response created = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "lea@lifecycle.example",
                "firstName", "Lea", "lastName", "Lead", "source", "lead_form"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID lea = UUID.fromString(created.body().get("id").asText());
        assertThat(flagsWhen(organization, lea, flags -> true).get("lifecycleStage").asText()).isEqualTo("lead");

        // the lead form made her a contact; the sales team qualifies her
        ok(api.patch("/api/v1/contacts/" + lea, organization.apiKey(), Map.of("leadStatus", "qualified",
                "jobTitle", "Head of Purchasing")));
        ok(api.post("/api/v1/persons/" + lea + "/email-verification", organization.apiKey(), null));

        Response deal = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Fleet of mugs", "amount",
                Map.of("amount", "1200.00", "currency", "EUR"), "personId", lea.toString()));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        String dealId = deal.body().get("id").asText();
        JsonNode withDeal = flagsWhen(organization, lea, flags -> flags.get("leadScore").asInt() == 25);
        assertThat(withDeal.get("lifecycleStage").asText()).as("an open deal keeps a lead a lead").isEqualTo("lead");

        for (String stage : List.of("qualified_to_buy", "presentation_scheduled", "contract_sent")) {
            ok(api.post("/api/v1/deals/" + dealId + "/stage", organization.apiKey(),
                    Map.of("stageId", DefaultPipeline.stageIdOf(organization.id(), stage).toString())));
        }
        activity(organization, Map.of("type", "call", "personId", lea.toString(), "outcome", "no_answer"));
        activity(organization, Map.of("type", "call", "personId", lea.toString(), "dealId", dealId, "outcome",
                "connected", "durationSeconds", 600));
        activity(organization, Map.of("type", "meeting", "personId", lea.toString(), "dealId", dealId, "subject",
                "Tasting", "startAt", "2026-11-20T10:00:00Z", "endAt", "2026-11-20T11:00:00Z"));
        activity(organization, Map.of("type", "note", "personId", lea.toString(), "body", "Likes blue."));
        JsonNode beforeWin = flagsWhen(organization, lea, flags -> flags.get("leadScore").asInt() == 40);
        assertThat(beforeWin.get("lifecycleStage").asText()).isEqualTo("lead");

        ok(api.post("/api/v1/deals/" + dealId + "/won", organization.apiKey(), null));
        JsonNode won = flagsWhen(organization, lea, flags -> flags.get("lifecycleStage").asText().equals("customer"));
        assertThat(won.get("isCustomer").asBoolean()).isTrue();
        assertThat(won.get("hasOrdered").asBoolean()).as("a won deal is not an order").isFalse();
        assertThat(won.get("leadScore").asInt()).as("e-mail 10 + deal 15 + connected call 5 + meeting 10")
                .isEqualTo(40);

        String order = completedOrder(organization, lea);
        JsonNode afterPurchase = flagsWhen(organization, lea, flags -> flags.get("leadScore").asInt() == 60);
        assertThat(afterPurchase.get("lifecycleStage").asText()).isEqualTo("customer");
        assertThat(afterPurchase.get("hasOrdered").asBoolean()).isTrue();

        JsonNode purchases = await().atMost(PROJECTED).until(() -> api.get("/api/v1/activities?type=purchase"
                + "&personId=" + lea, organization.apiKey()).body().get("items"), items -> items.size() == 1);
        assertThat(purchases.get(0).get("subject").asText()).isEqualTo("Completed order " + order + " for 12.50 EUR");

        JsonNode score = api.get("/api/v1/persons/" + lea + "/lead-score", organization.apiKey()).body();
        assertThat(score.get("leadScore").asInt()).isEqualTo(60);
        List<String> history = new ArrayList<>();
        score.get("entries").forEach(entry -> history.add(entry.get("reason").asText() + " "
                + entry.get("points").asInt()));
        assertThat(history).as("exactly the scoring events, newest first").containsExactly("purchase 20",
                "meeting 10", "call_connected 5", "deal 15", "email_verified 10");
    }

    @Test
    void aCallChangedToConnectedEarnsOnceAndADealGivenToAnotherPersonMakesThemALead() {
        TestOrganization organization = api.createOrganization("Lifecycle Changes GmbH");
        UUID ann = api.createPerson(organization, "ann@changes.example", "Ann", "First");
        UUID ben = api.createPerson(organization, "ben@changes.example", "Ben", "Second");
        String call = activity(organization, Map.of("type", "call", "personId", ann.toString(), "outcome", "busy"));
        ok(api.patch("/api/v1/activities/" + call, organization.apiKey(), Map.of("outcome", "connected")));
        ok(api.patch("/api/v1/activities/" + call, organization.apiKey(), Map.of("durationSeconds", 60)));
        assertThat(flagsWhen(organization, ann, flags -> flags.get("leadScore").asInt() == 5)
                .get("lifecycleStage").asText()).as("calls score but do not make a lead").isEqualTo("visitor");

        Response deal = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "D", "personId",
                ann.toString()));
        ok(api.patch("/api/v1/deals/" + deal.body().get("id").asText(), organization.apiKey(),
                Map.of("personId", ben.toString())));
        JsonNode bens = flagsWhen(organization, ben, flags -> flags.get("lifecycleStage").asText().equals("lead"));
        assertThat(bens.get("leadScore").asInt()).isEqualTo(15);
        JsonNode anns = flagsWhen(organization, ann, flags -> flags.get("leadScore").asInt() == 20);
        assertThat(anns.get("lifecycleStage").asText()).as("stages only move forward").isEqualTo("lead");
    }

    @Test
    void aDealGivenFromAMergedPersonToItsSurvivorScoresOnce() {
        TestOrganization organization = api.createOrganization("Lifecycle Merge GmbH");
        UUID ann = api.createPerson(organization, "ann@merge-score.example", "Ann", "Source");
        UUID sue = api.createPerson(organization, "sue@merge-score.example", "Sue", "Survivor");
        Response deal = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "D", "personId",
                ann.toString()));
        flagsWhen(organization, ann, flags -> flags.get("leadScore").asInt() == 15);
        ok(api.post("/api/v1/persons/" + sue + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", ann.toString())));
        ok(api.patch("/api/v1/deals/" + deal.body().get("id").asText(), organization.apiKey(),
                Map.of("personId", sue.toString())));
        // ARCHITECTURE §5 names the stage to move to "stage"
        ok(api.post("/api/v1/deals/" + deal.body().get("id").asText() + "/stage", organization.apiKey(),
                Map.of("stage", DefaultPipeline.stageIdOf(organization.id(), "closed_won").toString())));
        JsonNode survivor = flagsWhen(organization, sue,
                flags -> flags.get("lifecycleStage").asText().equals("customer"));
        assertThat(survivor.get("leadScore").asInt()).as("one deal, counted once for the merged pair").isEqualTo(15);
        JsonNode score = api.get("/api/v1/persons/" + sue + "/lead-score", organization.apiKey()).body();
        assertThat(score.get("entries")).hasSize(1);
    }

    @Test
    void datesOutsideTheYears1To9999AreRefusedBeforeTheyReachAnyReadModel() {
        TestOrganization organization = api.createOrganization("Lifecycle Dates GmbH");
        UUID ann = api.createPerson(organization, "ann@dates.example", "Ann", "Dates");
        Response deal = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "D", "closeDate",
                "+5874898-01-01"));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(422);
        assertThat(deal.body().get("code").asText()).isEqualTo("invalid_date");
        Response contact = api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", ann.toString(),
                "nextFollowUp", "+300000-01-01T00:00:00Z"));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(422);
        assertThat(contact.body().get("code").asText()).isEqualTo("invalid_date");
    }

    private String completedOrder(TestOrganization organization, UUID person) {
        Response product = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "MUG-" + person,
                "name", "Mug", "price", Map.of("amount", "12.50", "currency", "EUR")));
        String productId = product.body().get("id").asText();
        ok(api.post("/api/v1/products/" + productId + "/restock", organization.apiKey(), Map.of("quantity", 1)));
        Response order = api.post("/api/v1/orders", organization.apiKey(), Map.of("personId", person.toString(),
                "items", List.of(Map.of("productId", productId, "quantity", 1))));
        String orderId = order.body().get("id").asText();
        ok(api.post("/api/v1/orders/" + orderId + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + orderId + "/pay", organization.apiKey(), Map.of("amount",
                Map.of("amount", "12.50", "currency", "EUR"), "method", "card")));
        ok(api.post("/api/v1/orders/" + orderId + "/fulfil", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + orderId + "/complete", organization.apiKey(), null));
        return orderId;
    }

    private String activity(TestOrganization organization, Map<String, Object> body) {
        Response created = api.post("/api/v1/activities", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private JsonNode flagsWhen(TestOrganization organization, UUID person, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTED).until(() -> {
            Response read = api.get("/api/v1/persons/" + person, organization.apiKey());
            return read.status() == 200 ? read.body().get("flags") : null;
        }, flags -> flags != null && condition.test(flags));
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
