package com.bookmarked.cdt.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineLayoutTest {

    final Logger logger = ((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getLogger("com.bookmarked.cdt.Test");

    @Test
    void oneParsableJsonObjectPerLineWithTheRunIds() throws Exception {
        String line;
        try (LogContext ignored = LogContext.forRun("run-1", "lincoln")) {
            LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, "quote \" backslash \\ newline \n tab \t ctl \u0001 {}",
                    new IllegalStateException("boom"), new Object[]{"arg"});
            line = new JsonLineLayout().doLayout(event);
        }
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("com.bookmarked.cdt.Test");
        assertThat(json.get("message").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t ctl \u0001 arg");
        assertThat(json.get("runId").asText()).isEqualTo("run-1");
        assertThat(json.get("customerId").asText()).isEqualTo("lincoln");
        assertThat(json.get("error").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(json.get("time").asText()).endsWith("Z");
    }

    @Test
    void secretsAndEmailsInMessagesAndStackTracesAreRedacted() throws Exception {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLWJ5dGVz";
        String message = "connect jdbc:postgresql://prod-db/cdt?password=hunter2&ssl=true failed; "
                + "sftp://bob:s3cret@sftp.district.org/exports; Authorization: Bearer abcdefghijklmnop; token " + jwt
                + "; {\"clientSecret\": \"sh-1234\", \"clientId\": \"cdt-client\"}; duplicate key (email)=(Ann.Lee@district.org)";
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, message,
                new IllegalStateException("login failed for ann.lee@district.org with password: hunter2"), null);
        JsonNode json = new ObjectMapper().readTree(new JsonLineLayout().doLayout(event));
        String logged = json.get("message").asText() + " " + json.get("error").asText();
        for (String secret : new String[]{"hunter2", "s3cret", "abcdefghijklmnop", jwt, "sh-1234", "Ann.Lee", "ann.lee"}) {
            assertThat(logged).as(secret).doesNotContain(secret);
        }
        // what helps the on-call engineer stays
        assertThat(json.get("message").asText()).contains("jdbc:postgresql://prod-db/cdt?password=[redacted]&ssl=true failed")
                .contains("sftp://[redacted]@sftp.district.org/exports").contains("Bearer [redacted]")
                .contains("\"clientId\": \"cdt-client\"").contains("(email)=([email])");
        assertThat(json.get("error").asText()).startsWith("java.lang.IllegalStateException: login failed for [email] with password: [redacted]");
    }

    @Test
    void rowsQuotedByPostgresqlAreRedacted() throws Exception {
        String message = "ERROR: null value in column \"title\" violates not-null constraint\n  Detail: Failing row contains "
                + "(b9e3, 1500, Mariam, Campbell (twin), 2015-02-08).\n\tat org.postgresql.core.v3.QueryExecutorImpl; "
                + "duplicate key value violates unique constraint \"users_pkey\"\n  Detail: Key (given_name, family_name)=(Mariam, Yilmaz) already exists.";
        JsonNode json = new ObjectMapper().readTree(new JsonLineLayout().doLayout(
                new LoggingEvent("fqcn", logger, Level.ERROR, message, null, null)));
        String logged = json.get("message").asText();
        assertThat(logged).doesNotContain("Mariam").doesNotContain("Campbell").doesNotContain("Yilmaz").doesNotContain("2015-02-08");
        assertThat(logged).contains("Detail: Failing row contains ([redacted]).").contains("Key ([redacted]) already exists.")
                .contains("violates not-null constraint").contains("org.postgresql.core.v3.QueryExecutorImpl");
    }

    @Test
    void theRunContextIsRestoredAfterwards() {
        MDC.put(LogContext.RUN_ID, "outer");
        try (LogContext ignored = LogContext.forRun("inner", "c")) {
            assertThat(MDC.get(LogContext.RUN_ID)).isEqualTo("inner");
        }
        assertThat(MDC.get(LogContext.RUN_ID)).isEqualTo("outer");
        assertThat(MDC.get(LogContext.CUSTOMER_ID)).isNull();
        MDC.clear();
    }
}
