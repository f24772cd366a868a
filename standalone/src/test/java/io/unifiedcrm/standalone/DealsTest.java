package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Pipelines and deals over HTTP: the default pipeline of a new organization, a deal's way through the stages with its
 * history and times, won, lost and reopened deals, the pipeline summary's exact sums, the deal list's filters and
 * pages, stage removal, and refusals that write nothing. Amounts and weights are computed by hand in each test.
 */
class DealsTest extends StandaloneTest {

    private static final Duration PROJECTED = Duration.ofSeconds(15);

    @Test
    void aNewOrganizationHasTheDefaultSalesPipeline() {
        TestOrganization organization = api.createOrganization("Default Pipeline GmbH");
        JsonNode list = await().atMost(PROJECTED).until(() -> api.get("/api/v1/pipelines", organization.apiKey())
                .body(), body -> body.path("items").size() == 1);
        assertThat(list.get("nextCursor").isNull()).isTrue();
        JsonNode pipeline = list.get("items").get(0);
        UUID pipelineId = DefaultPipeline.idOf(organization.id());
        assertThat(pipeline.get("id").asText()).as("derived from the organization's id").isEqualTo(
                pipelineId.toString());
        assertThat(pipeline.get("name").asText()).isEqualTo("Sales pipeline");
        assertThat(pipeline.get("isDefault").asBoolean()).isTrue();
        assertThat(pipeline.get("version").asLong()).isZero();
        List<String> stages = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> stages.add(stage.get("position").asInt() + " "
                + stage.get("name").asText() + " " + stage.get("probability").decimalValue().toPlainString() + " "
                + stage.get("forecastCategory").asText() + " " + stage.get("isClosed").asBoolean() + " "
                + stage.get("isWon").asBoolean()));
        assertThat(stages).containsExactly(
                "1 Appointment scheduled 20 pipeline false false",
                "2 Qualified to buy 40 pipeline false false",
                "3 Presentation scheduled 60 best_case false false",
                "4 Decision maker bought-in 80 best_case false false",
                "5 Contract sent 90 commit false false",
                "6 Closed won 100 closed true true",
                "7 Closed lost 0 omitted true false");
        assertThat(pipeline.get("stages").get(5).get("id").asText()).as("stage ids are derived too")
                .isEqualTo(DefaultPipeline.stageIdOf(organization.id(), "closed_won").toString());

        Response one = api.get("/api/v1/pipelines/" + pipelineId, organization.apiKey());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).isEqualTo("\"0\"");
        assertThat(one.body()).isEqualTo(pipeline);
        JsonNode summary = await().atMost(PROJECTED).until(() -> api.get("/api/v1/pipelines/" + pipelineId
                + "/summary", organization.apiKey()).body(), body -> body.path("amount").path("currency").isTextual());
        assertThat(summary.get("stages")).hasSize(7);
        assertThat(summary.get("dealCount").asLong()).isZero();
        assertMoney(summary.get("amount"), "0");
        assertMoney(summary.get("weightedAmount"), "0");
        TestOrganization other = api.createOrganization("Other Default Pipeline GmbH");
        assertThat(DefaultPipeline.idOf(other.id())).isNotEqualTo(pipelineId);
        assertThat(api.get("/api/v1/pipelines/" + pipelineId, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/pipelines/" + pipelineId + "/summary", other.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void aDealMovesThroughTheStagesIsWonAndKeepsItsHistoryWithTheTimeInEachStage() {
        TestOrganization organization = api.createOrganization("Deal Journey GmbH");
        UUID owner = api.createPerson(organization, "olivia@deal-journey.example", "Olivia", "Owner");
        UUID buyer = api.createPerson(organization, "bert@deal-journey.example", "Bert", "Buyer");
        UUID company = record(organization, "company", Map.of("name", "Acme"));
        UUID dealId = createDeal(organization, Map.of("name", "Acme — 50 seats", "amount", money("12000.00"),
                "closeDate", "2026-12-31", "ownerId", owner.toString(), "personId", buyer.toString(),
                "companyId", company.toString()));
        UUID qualified = defaultStage(organization, "qualified_to_buy");
        UUID presentation = defaultStage(organization, "presentation_scheduled");
        UUID won = defaultStage(organization, "closed_won");
        ok(move(organization, dealId, qualified, null));
        ok(move(organization, dealId, presentation, null));
        long unchanged = ok(move(organization, dealId, presentation, null));
        assertThat(unchanged).as("moving to the stage it is in changes nothing").isEqualTo(2);
        long wonVersion = ok(api.post("/api/v1/deals/" + dealId + "/won", organization.apiKey(), null));
        assertThat(wonVersion).isEqualTo(3);
        assertThat(ok(api.post("/api/v1/deals/" + dealId + "/won", organization.apiKey(), null)))
                .as("a won deal stays won").isEqualTo(3);

        JsonNode deal = awaitDeal(organization, dealId, wonVersion);
        assertThat(deal.get("name").asText()).isEqualTo("Acme — 50 seats");
        assertMoney(deal.get("amount"), "12000.00");
        assertThat(deal.get("pipelineId").asText()).isEqualTo(DefaultPipeline.idOf(organization.id()).toString());
        assertThat(deal.get("stageId").asText()).isEqualTo(won.toString());
        assertThat(deal.get("stageName").asText()).isEqualTo("Closed won");
        assertThat(deal.get("stageProbability").decimalValue()).isEqualByComparingTo("100");
        assertThat(deal.get("status").asText()).isEqualTo("won");
        assertThat(deal.get("closeDate").asText()).isEqualTo("2026-12-31");
        assertThat(deal.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(deal.get("personId").asText()).isEqualTo(buyer.toString());
        assertThat(deal.get("companyId").asText()).isEqualTo(company.toString());
        assertThat(deal.get("lostReason").isNull()).isTrue();
        assertThat(deal.get("version").asLong()).isEqualTo(3);

        JsonNode history = deal.get("stageHistory");
        assertThat(names(history)).containsExactly("Appointment scheduled", "Qualified to buy",
                "Presentation scheduled", "Closed won");
        assertThat(history.get(0).get("stageId").asText()).isEqualTo(
                defaultStage(organization, "appointment_scheduled").toString());
        assertThat(instant(history.get(0), "enteredAt")).isEqualTo(instant(deal, "createdAt"));
        for (int stay = 0; stay < 3; stay++) {
            Instant entered = instant(history.get(stay), "enteredAt");
            Instant left = instant(history.get(stay), "leftAt");
            assertThat(left).as("left when the next stay began").isEqualTo(instant(history.get(stay + 1),
                    "enteredAt")).isAfter(entered);
            assertThat(history.get(stay).get("timeInStageMs").asLong()).as("stay " + stay)
                    .isEqualTo(Duration.between(entered, left).toMillis());
        }
        JsonNode current = history.get(3);
        assertThat(current.get("leftAt").isNull()).isTrue();
        assertThat(current.get("timeInStageMs").isNull()).isTrue();
        assertThat(instant(deal, "stageEnteredAt")).isEqualTo(instant(current, "enteredAt"));
        assertThat(instant(deal, "closedAt")).isEqualTo(instant(current, "enteredAt"));
        assertThat(instant(deal, "updatedAt")).isEqualTo(instant(current, "enteredAt"));
        assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM crm.deal_stage_history h JOIN axon.domain_event_entry e
                          ON e.aggregate_identifier = h.deal_id::text AND e.sequence_number = h.entered_sequence
                        WHERE h.deal_id = ? AND h.entered_at = e.time_stamp::timestamptz""", Long.class, dealId))
                .as("every stay begins at its event's timestamp").isEqualTo(4);
    }

    @Test
    void aLostDealKeepsItsReasonUntilItIsReopened() {
        TestOrganization organization = api.createOrganization("Lost Deal GmbH");
        UUID dealId = createDeal(organization, Map.of("name", "Globex", "amount", money("800")));
        UUID qualified = defaultStage(organization, "qualified_to_buy");
        UUID lost = defaultStage(organization, "closed_lost");
        long lostVersion = ok(api.post("/api/v1/deals/" + dealId + "/lost", organization.apiKey(),
                Map.of("reason", "Went with a competitor")));
        JsonNode deal = awaitDeal(organization, dealId, lostVersion);
        assertThat(deal.get("status").asText()).isEqualTo("lost");
        assertThat(deal.get("stageId").asText()).isEqualTo(lost.toString());
        assertThat(deal.get("stageName").asText()).isEqualTo("Closed lost");
        assertThat(deal.get("lostReason").asText()).isEqualTo("Went with a competitor");
        Instant closedAt = instant(deal, "closedAt");

        Response moved = move(organization, dealId, qualified, null);
        assertProblem(moved, 409, "deal_closed");
        Response amount = api.patch("/api/v1/deals/" + dealId, organization.apiKey(), Map.of("amount",
                money("900")));
        assertProblem(amount, 409, "deal_closed");
        long renamed = ok(api.patch("/api/v1/deals/" + dealId, organization.apiKey(), Map.of("name",
                "Globex (lost)")));
        assertProblem(api.post("/api/v1/deals/" + dealId + "/won", organization.apiKey(), null), 409,
                "deal_closed");
        assertProblem(api.post("/api/v1/deals/" + dealId + "/reopen", organization.apiKey(), Map.of("stageId",
                lost.toString())), 422, "stage_closed");
        assertThat(ok(api.post("/api/v1/deals/" + dealId + "/lost", organization.apiKey(), Map.of("reason",
                "Another reason")))).as("a lost deal stays lost, with its first reason").isEqualTo(renamed);

        long reopened = ok(api.post("/api/v1/deals/" + dealId + "/reopen", organization.apiKey(),
                Map.of("stageId", qualified.toString())));
        JsonNode open = awaitDeal(organization, dealId, reopened);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("name").asText()).isEqualTo("Globex (lost)");
        assertThat(open.get("stageName").asText()).isEqualTo("Qualified to buy");
        assertThat(open.get("lostReason").isNull()).isTrue();
        assertThat(open.get("closedAt").isNull()).isTrue();
        assertThat(names(open.get("stageHistory"))).containsExactly("Appointment scheduled", "Closed lost",
                "Qualified to buy");
        assertThat(instant(open.get("stageHistory").get(1), "enteredAt")).isEqualTo(closedAt);
        assertProblem(api.post("/api/v1/deals/" + dealId + "/reopen", organization.apiKey(), Map.of("stageId",
                qualified.toString())), 409, "deal_not_closed");
        assertProblem(move(organization, dealId, lost, null), 422, "required_field");
        long lostAgain = ok(move(organization, dealId, lost, "No budget"));
        JsonNode lostDeal = awaitDeal(organization, dealId, lostAgain);
        assertThat(lostDeal.get("status").asText()).isEqualTo("lost");
        assertThat(lostDeal.get("lostReason").asText()).isEqualTo("No budget");
        long changedAmount = ok(api.post("/api/v1/deals/" + dealId + "/reopen", organization.apiKey(),
                Map.of("stageId", qualified.toString())));
        assertThat(ok(api.patch("/api/v1/deals/" + dealId, organization.apiKey(), Map.of("amount",
                money("900"))))).as("a reopened deal's amount changes").isEqualTo(changedAmount + 1);
    }

    @Test
    void theSummaryCountsSumsAndWeighsTheDealsOfEachStageExactly() {
        TestOrganization organization = api.createOrganization("Summary GmbH");
        UUID pipelineId = createPipeline(organization, "Weighted", List.of(
                stage("Lead", "12.5", null, null), stage("Demo", "33.33", null, null),
                stage("Won", "100", true, true), stage("Lost", "0", true, false)));
        Map<String, UUID> stages = stageIds(organization, pipelineId, 4);
        UUID lead = stages.get("Lead");
        UUID demo = stages.get("Demo");
        dealIn(organization, pipelineId, lead, "1000.00");
        dealIn(organization, pipelineId, lead, "333.33");
        dealIn(organization, pipelineId, lead, null);
        dealIn(organization, pipelineId, demo, "0.01");
        dealIn(organization, pipelineId, demo, "250.5");
        UUID toWin = dealIn(organization, pipelineId, demo, "99.99");
        UUID toLose = dealIn(organization, pipelineId, lead, "500");
        ok(api.post("/api/v1/deals/" + toWin + "/won", organization.apiKey(), null));
        long lost = ok(api.post("/api/v1/deals/" + toLose + "/lost", organization.apiKey(), Map.of("reason",
                "Too expensive")));
        awaitDeal(organization, toLose, lost);

        JsonNode summary = await().atMost(PROJECTED).until(() -> api.get("/api/v1/pipelines/" + pipelineId
                + "/summary", organization.apiKey()).body(), body -> body.path("dealCount").asLong() == 7
                && body.path("stages").get(2).path("dealCount").asLong() == 1);
        assertThat(summary.get("pipelineId").asText()).isEqualTo(pipelineId.toString());
        assertThat(summary.get("name").asText()).isEqualTo("Weighted");
        JsonNode leadRow = summary.get("stages").get(0);
        assertThat(leadRow.get("name").asText()).isEqualTo("Lead");
        assertThat(leadRow.get("position").asInt()).isEqualTo(1);
        assertThat(leadRow.get("probability").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(leadRow.get("dealCount").asLong()).as("one without amount").isEqualTo(3);
        assertMoney(leadRow.get("amount"), "1333.33");
        // 1333.33 × 12.5 % = 166.66625: half-even to 166.6662 (half-up would be 166.6663)
        assertMoney(leadRow.get("weightedAmount"), "166.6662");
        JsonNode demoRow = summary.get("stages").get(1);
        assertThat(demoRow.get("dealCount").asLong()).isEqualTo(2);
        assertMoney(demoRow.get("amount"), "250.51");
        // 250.51 × 33.33 % = 83.494983 → 83.4950
        assertMoney(demoRow.get("weightedAmount"), "83.4950");
        JsonNode wonRow = summary.get("stages").get(2);
        assertThat(wonRow.get("isWon").asBoolean()).isTrue();
        assertThat(wonRow.get("forecastCategory").asText()).isEqualTo("closed");
        assertMoney(wonRow.get("amount"), "99.99");
        assertMoney(wonRow.get("weightedAmount"), "99.99");
        JsonNode lostRow = summary.get("stages").get(3);
        assertThat(lostRow.get("forecastCategory").asText()).isEqualTo("omitted");
        assertThat(lostRow.get("dealCount").asLong()).isEqualTo(1);
        assertMoney(lostRow.get("amount"), "500");
        assertMoney(lostRow.get("weightedAmount"), "0");
        assertThat(summary.get("dealCount").asLong()).isEqualTo(7);
        // 1333.33 + 250.51 + 99.99 + 500 = 2183.83; 166.6662 + 83.4950 + 99.99 + 0 = 350.1512
        assertMoney(summary.get("amount"), "2183.83");
        assertMoney(summary.get("weightedAmount"), "350.1512");
        JsonNode defaultSummary = api.get("/api/v1/pipelines/" + DefaultPipeline.idOf(organization.id())
                + "/summary", organization.apiKey()).body();
        assertThat(defaultSummary.get("dealCount").asLong()).as("another pipeline's deals").isZero();
    }

    @Test
    void theDealListIsNewestFirstFilteredInPagesAndIncludesMergedPersons() {
        TestOrganization organization = api.createOrganization("Deal List GmbH");
        UUID sam = api.createPerson(organization, "sam@deal-list.example", "Sam", "Survivor");
        UUID sue = api.createPerson(organization, "sue@deal-list.example", "Sue", "Source");
        UUID olga = api.createPerson(organization, "olga@deal-list.example", "Olga", "Owner");
        UUID qualified = defaultStage(organization, "qualified_to_buy");
        UUID first = createDeal(organization, Map.of("name", "First", "personId", sam.toString()));
        UUID second = createDeal(organization, Map.of("name", "Second", "personId", sue.toString(), "ownerId",
                olga.toString()));
        UUID third = createDeal(organization, Map.of("name", "Third", "ownerId", olga.toString(), "stageId",
                qualified.toString()));
        UUID fourth = createDeal(organization, Map.of("name", "Fourth", "personId", sue.toString()));
        long won = ok(api.post("/api/v1/deals/" + fourth + "/won", organization.apiKey(), null));
        UUID otherPipeline = createPipeline(organization, "Renewals", List.of(stage("Due", "50", null, null)));
        UUID fifth = createDeal(organization, Map.of("name", "Fifth", "pipelineId", otherPipeline.toString()));
        awaitDeal(organization, fourth, won);
        await().atMost(PROJECTED).untilAsserted(() -> {
            assertThat(ids(organization, "")).containsExactly(fifth, fourth, third, second, first);
            assertThat(api.get("/api/v1/persons/" + sue, organization.apiKey()).status()).isEqualTo(200);
        });
        assertThat(ids(organization, "?pipeline=" + DefaultPipeline.idOf(organization.id())))
                .containsExactly(fourth, third, second, first);
        assertThat(ids(organization, "?pipeline=" + otherPipeline)).containsExactly(fifth);
        assertThat(ids(organization, "?stage=" + qualified)).containsExactly(third);
        assertThat(ids(organization, "?owner=" + olga)).containsExactly(third, second);
        assertThat(ids(organization, "?status=won")).containsExactly(fourth);
        assertThat(ids(organization, "?status=open&owner=" + olga)).containsExactly(third, second);
        assertThat(ids(organization, "?status=lost")).isEmpty();
        assertThat(ids(organization, "?personId=" + sue)).containsExactly(fourth, second);
        assertThat(ids(organization, "?personId=" + sam)).containsExactly(first);

        Response merged = api.post("/api/v1/persons/" + sam + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", sue.toString()));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(ids(organization, "?personId=" + sam))
                .as("the survivor's and those of the person merged into it").containsExactly(fourth, second, first));
        assertThat(api.get("/api/v1/deals/" + second, organization.apiKey()).body().get("personId").asText())
                .as("a deal keeps its person").isEqualTo(sue.toString());
        Response forMerged = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Late",
                "personId", sue.toString()));
        assertProblem(forMerged, 409, "person_merged");
        assertThat(forMerged.body().get("existingId").asText()).as("names the survivor").isEqualTo(sam.toString());

        JsonNode page = api.get("/api/v1/deals?limit=2", organization.apiKey()).body();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(fifth.toString());
        assertThat(page.get("items").get(1).get("stageHistory")).as("list items carry their history").hasSize(2);
        JsonNode next = api.get("/api/v1/deals?limit=2&cursor=" + page.get("nextCursor").asText(),
                organization.apiKey()).body();
        assertThat(next.get("items").get(0).get("id").asText()).isEqualTo(third.toString());
        JsonNode last = api.get("/api/v1/deals?limit=2&cursor=" + next.get("nextCursor").asText(),
                organization.apiKey()).body();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("items").get(0).get("id").asText()).isEqualTo(first.toString());
        assertThat(last.get("nextCursor").isNull()).isTrue();

        assertProblem(api.get("/api/v1/deals?status=pending", organization.apiKey()), 400, "invalid_filter");
        assertThat(api.get("/api/v1/deals?owner=not-an-id", organization.apiKey()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/deals?limit=201", organization.apiKey()).status()).isEqualTo(400);
        TestOrganization other = api.createOrganization("Other Deal List GmbH");
        assertThat(api.get("/api/v1/deals?owner=" + olga, other.apiKey()).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/deals?pipeline=" + otherPipeline, other.apiKey()).body().get("items")).isEmpty();
        Response foreign = api.get("/api/v1/deals/" + first, other.apiKey());
        Response missing = api.get("/api/v1/deals/" + UUID.randomUUID(), other.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("code").asText()).isEqualTo(missing.body().get("code").asText())
                .isEqualTo("not_found");
    }

    @Test
    void aStageIsRemovedOnlyOnceNoDealIsInItAndItsNameStaysInTheHistory() {
        TestOrganization organization = api.createOrganization("Stage Removal GmbH");
        UUID pipelineId = createPipeline(organization, "Projects", List.of(stage("Scoping", "10", null, null),
                stage("Won", "100", true, true)));
        Response added = api.post("/api/v1/pipelines/" + pipelineId + "/stages", organization.apiKey(),
                Map.of("name", "Negotiation", "probability", 70, "forecastCategory", "commit", "position", 2));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.body().get("id").asText()).isEqualTo(pipelineId.toString());
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        UUID negotiation = UUID.fromString(added.body().get("stageId").asText());
        UUID scoping = stageIds(organization, pipelineId, 3).get("Scoping");
        UUID dealId = createDeal(organization, Map.of("name", "Fit-out", "pipelineId", pipelineId.toString(),
                "stageId", negotiation.toString()));

        Response refused = api.send("DELETE", "/api/v1/pipelines/" + pipelineId + "/stages/" + negotiation,
                organization.apiKey(), null, null);
        assertProblem(refused, 409, "stage_has_deals");
        assertProblem(api.patch("/api/v1/pipelines/" + pipelineId + "/stages/" + negotiation, organization.apiKey(),
                Map.of("isClosed", true)), 409, "stage_has_deals");
        ok(api.patch("/api/v1/pipelines/" + pipelineId + "/stages/" + negotiation, organization.apiKey(),
                Map.of("probability", 75.5, "name", "Negotiating")));

        ok(move(organization, dealId, scoping, null));
        Response removed = api.send("DELETE", "/api/v1/pipelines/" + pipelineId + "/stages/" + negotiation,
                organization.apiKey(), null, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        long renamed = ok(api.patch("/api/v1/pipelines/" + pipelineId, organization.apiKey(), Map.of("name",
                "Fit-out projects")));
        UUID won = stageIds(organization, pipelineId, 2).get("Won");
        long reordered = ok(api.send("PUT", "/api/v1/pipelines/" + pipelineId + "/stage-order",
                organization.apiKey(), "application/json", Map.of("stageIds", List.of(won.toString(),
                        scoping.toString()))));
        assertThat(reordered).isEqualTo(renamed + 1);
        assertProblem(api.send("PUT", "/api/v1/pipelines/" + pipelineId + "/stage-order", organization.apiKey(),
                "application/json", Map.of("stageIds", List.of(won.toString()))), 422, "invalid_stage_order");
        assertProblem(api.send("DELETE", "/api/v1/pipelines/" + pipelineId + "/stages/" + scoping,
                organization.apiKey(), null, null), 409, "stage_has_deals");
        assertProblem(api.send("DELETE", "/api/v1/pipelines/" + pipelineId + "/stages/" + negotiation,
                organization.apiKey(), null, null), 404, "not_found");

        JsonNode pipeline = await().atMost(PROJECTED).until(() -> api.get("/api/v1/pipelines/" + pipelineId,
                organization.apiKey()).body(), body -> body.path("version").asLong() == reordered);
        assertThat(pipeline.get("name").asText()).isEqualTo("Fit-out projects");
        assertThat(pipeline.get("stages")).hasSize(2);
        assertThat(pipeline.get("stages").get(0).get("name").asText()).isEqualTo("Won");
        assertThat(pipeline.get("stages").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(pipeline.get("stages").get(1).get("name").asText()).isEqualTo("Scoping");
        assertThat(pipeline.get("stages").get(1).get("position").asInt()).isEqualTo(2);
        JsonNode deal = awaitDeal(organization, dealId, 1);
        assertThat(names(deal.get("stageHistory"))).as("the removed stage keeps its last name")
                .containsExactly("Negotiating", "Scoping");
    }

    @Test
    void refusedDealsAndPipelinesAreProblemsAndWriteNothing() {
        TestOrganization organization = api.createOrganization("Refusals GmbH");
        TestOrganization other = api.createOrganization("Other Refusals GmbH");
        UUID person = api.createPerson(organization, "pia@refusals.example", "Pia", "Person");
        UUID contact = record(organization, "contact", Map.of("name", "Not a company"));
        UUID foreignStage = DefaultPipeline.stageIdOf(other.id(), "qualified_to_buy");
        UUID pipelineId = DefaultPipeline.idOf(organization.id());
        UUID dealId = createDeal(organization, Map.of("name", "Kept"));
        long eventsBefore = eventsOf(organization);

        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "stageId",
                foreignStage.toString())), 422, "unknown_stage");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "pipelineId",
                DefaultPipeline.idOf(other.id()).toString())), 422, "unknown_pipeline");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "pipelineId",
                person.toString())), 422, "unknown_pipeline");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "personId",
                pipelineId.toString())), 422, "unknown_person");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "ownerId",
                UUID.randomUUID().toString())), 422, "unknown_person");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "companyId",
                contact.toString())), 422, "unknown_company");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "stageId",
                DefaultPipeline.stageIdOf(organization.id(), "closed_won").toString())), 422, "stage_closed");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "amount",
                Map.of("amount", "10", "currency", "USD"))), 422, "currency_mismatch");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "amount",
                Map.of("amount", "10.12345"))), 422, "invalid_money");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "X", "closeDate",
                "31.12.2026")), 400, "invalid_type");
        assertProblem(api.post("/api/v1/deals", organization.apiKey(), Map.of("amount", money("1"))), 400,
                "invalid_request");
        assertProblem(move(organization, dealId, foreignStage, null), 422, "unknown_stage");
        assertProblem(api.post("/api/v1/deals/" + dealId + "/lost", organization.apiKey(), Map.of()), 400,
                "invalid_request");
        assertProblem(api.post("/api/v1/deals/" + dealId + "/lost", organization.apiKey(), Map.of("reason", " ")),
                422, "required_field");
        assertProblem(api.patch("/api/v1/deals/" + dealId, organization.apiKey(), nullName()), 422,
                "required_field");
        assertProblem(api.post("/api/v1/deals/" + dealId + "/stage", other.apiKey(), Map.of("stageId",
                foreignStage.toString())), 404, "not_found");
        assertProblem(api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "Closed only",
                "stages", List.of(stage("Won", "100", true, true)))), 422, "no_open_stage");
        assertProblem(api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "Unwon",
                "stages", List.of(stage("Open", "10", null, null), stage("Won", "100", false, true)))), 422,
                "invalid_stage");
        assertProblem(api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "Sure thing",
                "stages", List.of(stage("Open", "100.5", null, null)))), 422, "invalid_probability");
        assertProblem(api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "Twice",
                "stages", List.of(stage("Open", "10", null, null), stage("OPEN", "20", null, null)))), 409,
                "stage_name_taken");
        assertProblem(api.post("/api/v1/pipelines/" + pipelineId + "/stages", organization.apiKey(),
                Map.of("name", "Maybe", "probability", 50, "forecastCategory", "maybe")), 422,
                "unknown_forecast_category");
        assertProblem(api.post("/api/v1/pipelines/" + pipelineId + "/stages", organization.apiKey(),
                Map.of("name", "Far", "probability", 50, "position", 9)), 422, "invalid_position");
        assertThat(eventsOf(organization)).as("no event of the refused requests").isEqualTo(eventsBefore);
    }

    private static Map<String, Object> nullName() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", null);
        return patch;
    }

    private long eventsOf(TestOrganization organization) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM axon.domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?""",
                Long.class, organization.id().toString());
    }

    private UUID defaultStage(TestOrganization organization, String key) {
        return DefaultPipeline.stageIdOf(organization.id(), key);
    }

    private UUID createPipeline(TestOrganization organization, String name, List<Map<String, Object>> stages) {
        Response created = api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", name, "stages",
                stages));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/pipelines/" + created.body().get("id").asText());
        return UUID.fromString(created.body().get("id").asText());
    }

    /** The pipeline's stage ids by name, once the read model shows {@code count} stages. */
    private Map<String, UUID> stageIds(TestOrganization organization, UUID pipelineId, int count) {
        JsonNode pipeline = await().atMost(PROJECTED).until(() -> api.get("/api/v1/pipelines/" + pipelineId,
                organization.apiKey()).body(), body -> body.path("stages").size() == count);
        Map<String, UUID> ids = new HashMap<>();
        pipeline.get("stages").forEach(stage -> ids.put(stage.get("name").asText(),
                UUID.fromString(stage.get("id").asText())));
        return ids;
    }

    private static Map<String, Object> stage(String name, String probability, Boolean closed, Boolean won) {
        Map<String, Object> stage = new HashMap<>(Map.of("name", name, "probability", new BigDecimal(probability)));
        if (closed != null) {
            stage.put("isClosed", closed);
        }
        if (won != null) {
            stage.put("isWon", won);
        }
        return stage;
    }

    private UUID dealIn(TestOrganization organization, UUID pipelineId, UUID stageId, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Deal " + amount, "pipelineId",
                pipelineId.toString(), "stageId", stageId.toString()));
        if (amount != null) {
            body.put("amount", money(amount));
        }
        return createDeal(organization, body);
    }

    private UUID createDeal(TestOrganization organization, Map<String, Object> body) {
        Response created = api.post("/api/v1/deals", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        return UUID.fromString(created.body().get("id").asText());
    }

    private Response move(TestOrganization organization, UUID dealId, UUID stageId, String lostReason) {
        Map<String, Object> body = new HashMap<>(Map.of("stageId", stageId.toString()));
        if (lostReason != null) {
            body.put("lostReason", lostReason);
        }
        return api.post("/api/v1/deals/" + dealId + "/stage", organization.apiKey(), body);
    }

    private UUID record(TestOrganization organization, String type, Map<String, Object> properties) {
        Response created = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", type,
                "properties", properties));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    /** Asserts a 200 answer to a command and answers the aggregate's version. */
    private static long ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.body().get("version").asLong() + "\"");
        return response.body().get("version").asLong();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(response.body().get("correlationId").asText()).isNotBlank();
    }

    private JsonNode awaitDeal(TestOrganization organization, UUID dealId, long version) {
        return awaitDeal(organization, dealId, body -> body.path("version").asLong(-1) >= version);
    }

    private JsonNode awaitDeal(TestOrganization organization, UUID dealId, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/deals/" + dealId, organization.apiKey()),
                response -> response.status() == 200 && condition.test(response.body())).body();
    }

    private List<UUID> ids(TestOrganization organization, String query) {
        Response list = api.get("/api/v1/deals" + query, organization.apiKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(UUID.fromString(item.get("id").asText())));
        return ids;
    }

    private static List<String> names(JsonNode history) {
        List<String> names = new ArrayList<>();
        history.forEach(stay -> names.add(stay.get("stageName").asText()));
        return names;
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    private static void assertMoney(JsonNode money, String amount) {
        assertThat(money.get("currency").asText()).isEqualTo("EUR");
        assertThat(money.get("amount").isTextual()).as("a decimal string (ARCHITECTURE §5): " + money).isTrue();
        assertThat(money.get("amount").asText()).isEqualTo(new BigDecimal(amount).setScale(4).toPlainString());
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }
}
