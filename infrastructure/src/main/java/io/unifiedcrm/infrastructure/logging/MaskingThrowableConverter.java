package io.unifiedcrm.infrastructure.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces as Spring Boot prints them, with {@link SensitiveData} in exception messages masked. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SensitiveData.mask(super.throwableProxyToString(proxy));
    }
}
