package io.unifiedcrm.infrastructure.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: every endpoint, with bearer authentication. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // Filled from the credential, not from the request: not API parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, CallerOrganization.class);
    }

    @Bean
    public OpenAPI unifiedCrmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Unified CRM API").version("v1")
                        .description("One view of every person across sales and selling."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An organization API key, or the platform admin key for admin endpoints.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
