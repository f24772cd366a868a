package io.unifiedcrm.infrastructure.web;

import io.unifiedcrm.infrastructure.axon.ReadModelCommits;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Read-your-writes ({@link ReadYourWrites}): every event processor tells {@link ReadModelCommits} when it commits,
 * and the handler methods of {@code @ReadYourWrites} GETs are invoked through {@link ReadYourWritesWaiter} when the
 * request carries {@value ReadYourWrites#HEADER}: their arguments are resolved once, the method is re-run until its
 * answer shows the version. Projections run in the JVM that serves the GET (standalone, or the query side of the
 * split topology), so their commits wake the waiting reads there.
 */
@Configuration(proxyBeanMethods = false)
public class ReadYourWritesConfiguration {

    @Bean
    public ReadModelCommits readModelCommits() {
        return new ReadModelCommits();
    }

    @Bean
    public ConfigurerModule readModelCommitsOnEveryProcessor(ReadModelCommits commits) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> commits);
    }

    @Bean
    public ReadYourWritesWaiter readYourWritesWaiter(ReadModelCommits commits,
            @Value("${unifiedcrm.read-your-writes.timeout:PT5S}") Duration timeout,
            @Value("${unifiedcrm.read-your-writes.recheck-interval:PT0.1S}") Duration recheckInterval,
            @Value("${unifiedcrm.read-your-writes.max-waiting:100}") int maxWaiting) {
        return new ReadYourWritesWaiter(commits, timeout, recheckInterval, maxWaiting);
    }

    @Bean
    public WebMvcRegistrations readYourWritesHandlerMethods(ReadYourWritesWaiter waiter) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handler) {
                        return handler.hasMethodAnnotation(ReadYourWrites.class)
                                ? new WaitingHandlerMethod(handler, waiter)
                                : super.createInvocableHandlerMethod(handler);
                    }
                };
            }
        };
    }

    /** A {@code @ReadYourWrites} handler method: with {@value ReadYourWrites#HEADER}, re-run until it shows it. */
    static final class WaitingHandlerMethod extends ServletInvocableHandlerMethod {

        private final ReadYourWritesWaiter waiter;

        WaitingHandlerMethod(HandlerMethod handler, ReadYourWritesWaiter waiter) {
            super(handler);
            this.waiter = waiter;
        }

        @Override
        public Object invokeForRequest(NativeWebRequest request, ModelAndViewContainer mavContainer,
                                       Object... providedArgs) throws Exception {
            String header = request.getHeader(ReadYourWrites.HEADER);
            if (header == null) {
                return super.invokeForRequest(request, mavContainer, providedArgs);
            }
            long minVersion = ReadYourWritesWaiter.minVersion(header);
            Object[] arguments = getMethodArgumentValues(request, mavContainer, providedArgs);
            return waiter.read(minVersion, () -> doInvoke(arguments),
                    request.getNativeResponse(HttpServletResponse.class));
        }
    }
}
