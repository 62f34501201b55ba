package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * CDT's database password from a secret reference ({@code cdt.database.password-ref}, which
 * {@link DatabaseDefaults} takes from {@code CDT_DB_PASSWORD_REF}), so that a deployed function's
 * configuration holds the secret's name and never its value. A password set directly wins.
 */
@Singleton
@Requires(property = "cdt.database.password-ref")
class DatabasePasswordFromSecret implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final BeanProvider<Secrets> secrets;
    private final String reference;

    DatabasePasswordFromSecret(BeanProvider<Secrets> secrets, @Value("${cdt.database.password-ref}") String reference) {
        this.secrets = secrets;
        this.reference = reference;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String configured = config.getPassword();
        if ("default".equals(config.getName()) && (configured == null || configured.isEmpty())) {
            config.setPassword(secrets.get().reveal(SecretRef.parse(reference)));
        }
        return config;
    }
}
