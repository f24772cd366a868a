package io.unifiedcrm.infrastructure.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.junit.jupiter.api.Test;

class ProcessorPositionsTest {

    private static TokenClaims.Claim claim(int segment, String owner, Long position) {
        return new TokenClaims.Claim(segment, owner, position, null, null);
    }

    private static EventTrackerStatus here(int segment, long position) {
        return new TrackerStatus(Segment.computeSegment(segment, 0, 1), new GlobalSequenceTrackingToken(position));
    }

    @Test
    void aSegmentReleasedAfterAFailureHoldsThePositionBack() {
        // segment 1 failed and was released: nobody processes it, its token stays at 40
        List<TokenClaims.Claim> claims = List.of(claim(0, "this", 90L), claim(1, null, 40L));

        assertThat(ProcessorPositions.lowest(claims, Map.of(0, here(0, 95)))).isEqualTo(40L);
    }

    @Test
    void theSegmentsProcessedHereCountAsThisInstanceSeesThemNow() {
        List<TokenClaims.Claim> claims = List.of(claim(0, "this", 90L), claim(1, "other", 120L));

        assertThat(ProcessorPositions.lowest(claims, Map.of(0, here(0, 100)))).isEqualTo(100L);
    }

    @Test
    void aSegmentWithoutAPositionOrNoSegmentAtAllIsUnknown() {
        assertThat(ProcessorPositions.lowest(List.of(claim(0, "this", 90L), claim(1, null, null)), Map.of()))
                .isNull();
        assertThat(ProcessorPositions.lowest(List.of(), Map.of())).isNull();
    }
}
