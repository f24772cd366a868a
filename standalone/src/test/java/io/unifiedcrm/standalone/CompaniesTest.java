package io.unifiedcrm.standalone;

import static io.unifiedcrm.standalone.CrmRequests.PROJECTED;
import static io.unifiedcrm.standalone.CrmRequests.ok;
import static io.unifiedcrm.standalone.CrmRequests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /companies: company records with their standard properties and contact counts, prefix search, pages. */
class CompaniesTest extends StandaloneTest {

    @Test
    void companiesAreListedWithTheirContactCountsInPages() {
        TestOrganization organization = api.createOrganization("Companies GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        Response acmeCreated = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "company",
                "properties", Map.of("name", "Acme Corp", "domain", "acme.example", "industry", "Manufacturing",
                        "size", 250)));
        UUID acme = CrmRequests.created(acmeCreated);
        UUID globex = crm.company("Globex", "globex.example");
        UUID initech = crm.company("Initech", "tps-reports.example");
        UUID archived = crm.company("Archived Ltd", null);
        ok(api.post("/api/v1/records/" + archived + "/archive", organization.apiKey(), null));
        UUID ann = api.createPerson(organization, "ann@companies.example", "Ann", "Acme");
        UUID ben = api.createPerson(organization, "ben@companies.example", "Ben", "Acme");
        UUID cid = api.createPerson(organization, "cid@companies.example", "Cid", "Globex");
        UUID dot = api.createPerson(organization, "dot@companies.example", "Dot", "Nobody");
        crm.contact(ann, Map.of("companyId", acme.toString()));
        crm.contact(ben, Map.of("companyId", acme.toString()));
        crm.contact(cid, Map.of("companyId", globex.toString()));
        crm.contact(dot, Map.of());
        await().atMost(PROJECTED).until(() -> contactCount(organization, "?q=acme", acme) == 2
                && contactCount(organization, "?q=globex", globex) == 1);

        JsonNode all = api.get("/api/v1/companies", organization.apiKey()).body();
        assertThat(ids(all)).as("active companies in creation order").containsExactly(acme.toString(),
                globex.toString(), initech.toString());
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("recordId").asText()).isEqualTo(acme.toString());
        assertThat(first.get("name").asText()).isEqualTo("Acme Corp");
        assertThat(first.get("domain").asText()).isEqualTo("acme.example");
        assertThat(first.get("industry").asText()).isEqualTo("Manufacturing");
        assertThat(first.get("size").asLong()).isEqualTo(250);
        assertThat(first.get("contactCount").asLong()).isEqualTo(2);
        JsonNode third = all.get("items").get(2);
        assertThat(third.get("contactCount").asLong()).isZero();
        assertThat(third.get("industry").isNull()).isTrue();
        assertThat(third.get("size").isNull()).isTrue();
        assertThat(all.get("nextCursor").isNull()).isTrue();

        assertThat(ids(list(organization, "?q=ACM"))).as("name prefix, any case").containsExactly(acme.toString());
        assertThat(ids(list(organization, "?q=tps"))).as("domain prefix").containsExactly(initech.toString());
        assertThat(ids(list(organization, "?q=corp"))).as("a prefix, not a substring").isEmpty();
        assertThat(ids(list(organization, "?q=%25"))).as("% is no wildcard").isEmpty();

        JsonNode page = list(organization, "?limit=2");
        assertThat(ids(page)).containsExactly(acme.toString(), globex.toString());
        JsonNode rest = list(organization, "?limit=2&cursor=" + page.get("nextCursor").asText());
        assertThat(ids(rest)).containsExactly(initech.toString());
        assertThat(rest.get("nextCursor").isNull()).isTrue();

        // Ben moves to Globex; Cid is merged into Ann (his contact row stays, but is counted once, with Ann's)
        ok(api.patch("/api/v1/contacts/" + ben, organization.apiKey(), Map.of("companyId", globex.toString())));
        ok(api.post("/api/v1/persons/" + ann + "/merge", organization.apiKey(), Map.of("sourcePersonId",
                cid.toString())));
        await().atMost(PROJECTED).until(() -> contactCount(organization, "?q=acme", acme) == 1
                && contactCount(organization, "?q=globex", globex) == 1);

        problem(api.get("/api/v1/companies?limit=201", organization.apiKey()), 400, "invalid_limit");
        TestOrganization other = api.createOrganization("Other Companies GmbH");
        assertThat(list(other, "").get("items")).isEmpty();
    }

    private JsonNode list(TestOrganization organization, String query) {
        Response list = api.get("/api/v1/companies" + query, organization.apiKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.body();
    }

    private long contactCount(TestOrganization organization, String query, UUID company) {
        for (JsonNode item : list(organization, query).get("items")) {
            if (item.get("recordId").asText().equals(company.toString())) {
                return item.get("contactCount").asLong();
            }
        }
        return -1;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("recordId").asText()));
        return ids;
    }
}
