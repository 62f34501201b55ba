package com.bookmarked.cdt.core;

import com.bookmarked.cdt.core.auth.JwtVerifier;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A function without CDT's database (a connector) still starts, as Lambda starts it. */
class NoDatabaseContextTest {

    @Test
    void startsWithEverySingletonCreatedAndNoDatasource() {
        try (ApplicationContext ctx = ApplicationContext.builder().environments("function", "lambda")
                .eagerInitSingletons(true).start()) {
            assertThat(ctx.getBean(JwtVerifier.class)).isNotNull();
        }
    }
}
