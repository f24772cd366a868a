package io.unifiedcrm.infrastructure.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Fills controller parameters of type {@link Caller} and {@link CallerOrganization} from the credential. */
@Configuration(proxyBeanMethods = false)
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Caller.class || type == CallerOrganization.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Caller caller = currentCaller();
        if (parameter.getParameterType() == Caller.class) {
            return caller;
        }
        if (caller instanceof OrganizationCaller organizationCaller) {
            return new CallerOrganization(organizationCaller.organizationId());
        }
        throw new AccessDeniedException("This operation needs an organization credential.");
    }

    /** The authenticated caller of the current request. */
    public static Caller currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication) {
            return callerAuthentication.caller();
        }
        throw new AccessDeniedException("Not authenticated.");
    }
}
