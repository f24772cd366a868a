package io.unifiedcrm.infrastructure.security;

import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import static io.unifiedcrm.infrastructure.security.CallerAuthentication.CRM_READ;
import static io.unifiedcrm.infrastructure.security.CallerAuthentication.CRM_WRITE;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer authentication for the whole API. Organization management and projection administration need
 * the platform admin key; an organization's API keys are managed with the platform admin key or the organization's
 * {@code crm.admin} scope; everything else under {@code /api/v1} needs an organization credential:
 * {@code crm.read} for GET, {@code crm.write} for the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    /**
     * No Micrometer observation of every security filter, authentication and authorization: they cost several
     * observations and meter look-ups per request, and {@code http.server.requests} already times each request.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, PlatformAdminKey adminKey, ApiKeyCredentials apiKeys,
                                           ObjectProvider<JwtCredentials> jwts, ProblemResponseWriter problems)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerCredentialFilter(adminKey, apiKeys, jwts.getIfAvailable(), problems),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
                        .permitAll()
                        // metrics name processors, tables and rates: for the operator (Prometheus sends the key)
                        .requestMatchers("/actuator/prometheus").hasAuthority(CallerAuthentication.ROLE_ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasAuthority(CallerAuthentication.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/organizations")
                        .hasAuthority(CallerAuthentication.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/organizations/*")
                        .hasAnyAuthority(CallerAuthentication.ROLE_ADMIN, CRM_READ)
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/organizations/*")
                        .hasAnyAuthority(CallerAuthentication.ROLE_ADMIN, CallerAuthentication.CRM_ADMIN)
                        .requestMatchers("/api/v1/organizations/*/api-keys", "/api/v1/organizations/*/api-keys/**")
                        .hasAnyAuthority(CallerAuthentication.ROLE_ADMIN, CallerAuthentication.CRM_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAuthority(CRM_READ)
                        .requestMatchers("/api/v1/**").hasAuthority(CRM_WRITE)
                        .anyRequest().authenticated())
                .build();
    }
}
