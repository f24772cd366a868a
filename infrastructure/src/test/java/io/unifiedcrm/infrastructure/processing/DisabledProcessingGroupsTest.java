package io.unifiedcrm.infrastructure.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Which bean definitions the setting removes and which names it refuses (the application-level test is in standalone). */
class DisabledProcessingGroupsTest {

    @ProcessingGroup("timeline")
    static class TimelineHandler {
    }

    @ProcessingGroup("timeline")
    static class OtherTimelineHandler {
    }

    @ProcessingGroup("identity")
    static class IdentityHandler {
    }

    @Saga
    @ProcessingGroup("order-stock")
    static class StockSaga {
    }

    @Test
    void removesEveryHandlerBeanOfTheDisabledGroupsAndKeepsTheOthers() {
        try (AnnotationConfigApplicationContext context = context(" timeline , ")) {
            assertThat(context.getBeanNamesForType(TimelineHandler.class)).isEmpty();
            assertThat(context.getBeanNamesForType(OtherTimelineHandler.class)).isEmpty();
            assertThat(context.getBeanNamesForType(IdentityHandler.class)).hasSize(1);
        }
    }

    @Test
    void withoutTheSettingEveryGroupStays() {
        try (AnnotationConfigApplicationContext context = context("")) {
            assertThat(context.getBeanNamesForType(TimelineHandler.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(IdentityHandler.class)).hasSize(1);
        }
    }

    @Test
    void anUnknownGroupFailsTheStartWithTheKnownGroups() {
        assertThatThrownBy(() -> context("timeline,timelines").close())
                .hasMessageContaining("unifiedcrm.projections.disabled names 'timelines', which is no processing "
                        + "group of this application")
                .hasMessageContaining("[identity, order-stock, timeline]");
    }

    @Test
    void aSagaCannotBeLeftOut() {
        assertThatThrownBy(() -> context("order-stock").close())
                .hasMessageContaining("'order-stock', a saga the commands rely on");
    }

    private static AnnotationConfigApplicationContext context(String disabled) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                Map.of(DisabledProcessingGroups.PROPERTY, disabled)));
        context.register(DisabledProcessingGroups.class, TimelineHandler.class, OtherTimelineHandler.class,
                IdentityHandler.class, StockSaga.class);
        context.refresh();
        return context;
    }
}
