package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.Response;
import org.junit.jupiter.api.Test;

/**
 * The answers of the segment release endpoint that move nothing (SplitDeploymentTest moves segments between two
 * query-side processes): this single instance holds every segment, and releasing one would only pause it.
 */
class SegmentReleaseTest extends StandaloneTest {

    @Test
    void onlyASegmentThisInstanceHoldsCanBeReleased() {
        assertProblem(api.post("/api/v1/admin/projections/identity/segments/7/release", api.adminKey(), null), 404);
        assertProblem(api.post("/api/v1/admin/projections/nothing/segments/0/release", api.adminKey(), null), 404);
        assertProblem(api.post("/api/v1/admin/projections/identity/segments/one/release", api.adminKey(), null),
                400); // not a segment number
        Api.TestOrganization organization = api.createOrganization("Segment Release Ltd");
        assertProblem(api.post("/api/v1/admin/projections/identity/segments/0/release", organization.apiKey(),
                null), 403);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
    }
}
