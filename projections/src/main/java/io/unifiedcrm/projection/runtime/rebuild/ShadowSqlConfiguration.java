package io.unifiedcrm.projection.runtime.rebuild;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ShadowSqlDataSource} around the application's DataSource, which JPA, JdbcTemplate and Axon use. */
@Configuration(proxyBeanMethods = false)
class ShadowSqlConfiguration {

    static final String DATA_SOURCE = "dataSource";

    @Bean
    static BeanPostProcessor shadowSqlDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && beanName.equals(DATA_SOURCE)
                        && !(bean instanceof ShadowSqlDataSource) ? new ShadowSqlDataSource(dataSource) : bean;
            }
        };
    }
}
