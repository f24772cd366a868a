package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyset paging: every item exactly once, in a stable order, also while items are being added. */
class PagingTest extends StandaloneTest {

    private TestOrganization organization;
    private final List<UUID> persons = new ArrayList<>();

    @BeforeEach
    void sevenPersons() {
        organization = api.createOrganization("Paging Ltd");
        for (int i = 0; i < 7; i++) {
            persons.add(api.createPerson(organization, "person" + i + "@paging.example", "P" + i, "Paging"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/persons?limit=200",
                organization.apiKey()).body().get("items").size() == 7);
    }

    @Test
    void pagesVisitEveryPersonOnceInCreationOrderEvenWithInsertsBetweenPages() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/api/v1/persons?limit=3" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), organization.apiKey());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("items").forEach(item -> seen.add(item.get("id").asText()));
            JsonNode next = page.body().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            if (pages++ == 0) {
                api.createPerson(organization, "late@paging.example", "Late", "Comer");
            }
        } while (cursor != null && pages < 10);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 7)).containsExactlyElementsOf(persons.stream().map(UUID::toString).toList());
    }

    @Test
    void theEmailFilterMatchesInAnyCase() {
        Response found = api.get("/api/v1/persons?email=PERSON3@Paging.Example", organization.apiKey());
        assertThat(found.body().get("items")).hasSize(1);
        assertThat(found.body().get("items").get(0).get("id").asText()).isEqualTo(persons.get(3).toString());
    }

    @Test
    void limitsOutsideOneTo200AndForeignCursorsAre400() {
        assertThat(api.get("/api/v1/persons?limit=201", organization.apiKey()).body().get("code").asText())
                .isEqualTo("invalid_limit");
        assertThat(api.get("/api/v1/persons?limit=0", organization.apiKey()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/persons?limit=abc", organization.apiKey()).status()).isEqualTo(400);
        Response forged = api.get("/api/v1/persons?cursor=bm90LWEtY3Vyc29y", organization.apiKey());
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body().get("code").asText()).isEqualTo("invalid_cursor");
        assertThat(api.get("/api/v1/persons", organization.apiKey()).body().get("items")).hasSize(7);
    }

    @Test
    void anotherOrganizationsPersonsNeverAppear() {
        TestOrganization other = api.createOrganization("Other Paging Ltd");
        assertThat(api.get("/api/v1/persons", other.apiKey()).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/persons?email=person1@paging.example", other.apiKey()).body().get("items"))
                .isEmpty();
    }
}
