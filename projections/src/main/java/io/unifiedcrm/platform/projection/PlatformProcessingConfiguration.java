package io.unifiedcrm.platform.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformProcessingConfiguration {

    /** The projection and the tables it owns. */
    @Bean
    ReadModel platformReadModel() {
        return new ReadModel(PlatformProcessingGroup.NAME, List.of("platform.object_definition", "platform.association_definition", "platform.record",
                "platform.association"));
    }
}
