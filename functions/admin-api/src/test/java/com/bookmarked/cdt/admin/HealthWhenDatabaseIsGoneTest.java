package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.LambdaTestContext;
import com.bookmarked.cdt.core.testing.TestDatabases;
import com.bookmarked.cdt.core.testing.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthWhenDatabaseIsGoneTest {

    @Test
    void healthSays503AndDatabaseDownWhenTheDatabaseDisappears() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.fresh();
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.putAll(TestTokens.authProperties());
        props.put("datasources.default.connection-timeout", 1000);
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).environments("function").start()) {
            APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction(ctx);
            assertThat(handler.handleRequest(ApiGatewayEvents.get("/api/health").build(), new LambdaTestContext())
                    .getStatusCode()).isEqualTo(200);

            String name = db.url().substring(db.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            String admin = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
            try (Connection c = DriverManager.getConnection(admin, db.user(), db.password());
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }

            APIGatewayV2HTTPResponse down = handler.handleRequest(ApiGatewayEvents.get("/api/health").build(), new LambdaTestContext());
            assertThat(down.getStatusCode()).isEqualTo(503);
            assertThat(down.getBody()).contains("\"database\":\"DOWN\"").contains("\"status\":\"DOWN\"");
        }
    }
}
