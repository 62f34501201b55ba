package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.bookmarked.cdt.connector.oneroster.rest.PagingTest.assertThatFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in: OAuth 1.0a signatures checked by the fake SIS from the requests it received, and
 * OAuth 2.0 client credentials with scopes, a token kept until shortly before it expires and
 * renewed once when the SIS says it expired.
 */
class OAuthTest {

    static final String V11 = "/ims/oneroster/v1p1";
    static final String V12 = "/ims/oneroster/rostering/v1p2";
    static final String TOKEN = "/oauth/token";
    static final String CORE = "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly";

    FakeSis sis;

    @BeforeEach
    void start() {
        sis = FakeSis.start();
    }

    @AfterEach
    void stop() {
        sis.close();
    }

    RestImport read(RestSource source, Ticker ticker) throws SisApiException {
        return new OneRosterRestReader(ticker, new PageSlots()).read(source, "d", "oneroster-rest", Progress.NONE);
    }

    RestSource oauth1(String secret) {
        return RestSource.of(SisName.SIS, URI.create(sis.url() + V11), RestVersion.V1_1,
                new RestAccess.OAuth1("district-key", secret)).withPaging(25, 3);
    }

    RestSource oauth2(String secret, ClientCredentialsToken.ClientAuth clientAuth) {
        return RestSource.of(SisName.SIS, URI.create(sis.url() + V12), RestVersion.V1_2,
                new RestAccess.OAuth2(URI.create(sis.url() + TOKEN), "cdt-client", secret, RestSettings.SCOPE_1_2, clientAuth))
                .withPaging(25, 3);
    }

    @Test
    void everyOAuth1RequestIsSignedAsTheSisRecomputesIt() throws Exception {
        sis.requireOAuth1("district-key", "s3cr3t/with+odd=chars&more");
        new RosterRecords(sis.url() + V11, RestVersion.V1_1).fill(sis, V11, 200);

        RestImport result = read(oauth1("s3cr3t/with+odd=chars&more").withFilter("status='active'"), Ticker.SYSTEM);

        assertThat(result.snapshot().users()).hasSize(201);
        assertThat(sis.badSignatures()).isZero();
        assertThat(sis.served()).hasSizeGreaterThan(15).allMatch(s -> s.status() == 200);
        assertThat(sis.nonces()).hasSize(sis.served().size());
    }

    @Test
    void aWrongClientSecretIsRefusedInAnAgentsWords() {
        sis.requireOAuth1("district-key", "right-secret");
        new RosterRecords(sis.url() + V11, RestVersion.V1_1).fill(sis, V11, 5);

        assertThatFailure(() -> read(oauth1("wrong-secret"), Ticker.SYSTEM))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageStartingWith("The SIS refused the client secret (401): update the secret in settings")
                .hasMessageNotContaining("wrong-secret").hasMessageNotContaining("right-secret");
        assertThat(sis.served()).hasSize(1); // a refused signature is not retried
    }

    @Test
    void oauth2AsksForTheScopesOnceAndSharesTheTokenAcrossParallelPages() throws Exception {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 500);

        RestImport result = read(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.BASIC), Ticker.SYSTEM);

        assertThat(result.snapshot().users()).hasSize(501);
        assertThat(sis.tokensIssued()).isEqualTo(1);
        assertThat(sis.tokenRequests()).singleElement().satisfies(body -> assertThat(body)
                .startsWith("grant_type=client_credentials&scope=")
                .contains("roster-core.readonly").contains("roster-demographics.readonly")
                .doesNotContain("cc-secret"));
        assertThat(sis.served()).allMatch(s -> s.status() == 200);
    }

    @Test
    void theClientMayProveItselfInTheFormInstead() throws Exception {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 5);

        read(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.FORM), Ticker.SYSTEM);

        assertThat(sis.tokenRequests()).singleElement().satisfies(body ->
                assertThat(body).contains("&client_id=cdt-client&client_secret=cc-secret"));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheReadCarriesOn() throws Exception {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 400);
        AtomicInteger pages = new AtomicInteger();
        sis.beforePage((collection, offset) -> {
            if (pages.incrementAndGet() == 8) {
                sis.expireTokens(); // the SIS revokes the token early, as a rotation or restart would
            }
        });

        RestImport result = read(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.BASIC).withPaging(25, 1), Ticker.SYSTEM);

        assertThat(result.snapshot().users()).hasSize(401);
        assertThat(sis.tokensIssued()).isEqualTo(2);
        assertThat(sis.served().stream().filter(s -> s.status() == 401)).hasSize(1);
    }

    @Test
    void aTokenIsKeptUntilShortlyBeforeItExpires() throws Exception {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        FakeTicker ticker = new FakeTicker(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (RosterApi api = RosterApi.open(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.BASIC), ticker)) {
            ClientCredentialsToken token = (ClientCredentialsToken) api.authorizer();
            String first = token.current();
            ticker.advance(Duration.ofSeconds(3_539));
            assertThat(token.current()).isEqualTo(first);
            ticker.advance(Duration.ofSeconds(2)); // one minute before expiry: renewed
            assertThat(token.current()).isNotEqualTo(first);
            assertThat(token.tokensFetched()).isEqualTo(2);
            assertThat(token.grantedScope()).isEqualTo(RestSettings.SCOPE_1_2);
        }
    }

    @Test
    void aWrongClientSecretAtTheTokenEndpointIsRefusedInAnAgentsWords() {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 5);

        assertThatFailure(() -> read(oauth2("stale-secret", ClientCredentialsToken.ClientAuth.BASIC), Ticker.SYSTEM))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageStartingWith("The SIS refused the client secret (401): update the secret in settings")
                .hasMessageNotContaining("stale-secret");
        assertThat(sis.served()).isEmpty();
    }

    @Test
    void aScopeTheSisWillNotGrantIsNamed() {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", "https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly", 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 5);

        assertThatFailure(() -> read(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.BASIC), Ticker.SYSTEM))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
                .hasMessageStartingWith("The SIS's token endpoint refused the scope CDT asked for (400 invalid_scope)")
                .hasMessageContaining("options.scope in settings");
    }

    @Test
    void oneRoster12UsersTakeTheirRoleAndOrgsFromTheirRoles() throws Exception {
        sis.requireOAuth2(TOKEN, "cdt-client", "cc-secret", CORE, 3600);
        new RosterRecords(sis.url() + V12, RestVersion.V1_2).fill(sis, V12, 10);

        RestImport result = read(oauth2("cc-secret", ClientCredentialsToken.ClientAuth.BASIC), Ticker.SYSTEM);

        RosterUser teacher = result.snapshot().users().stream().filter(u -> u.sourcedId().equals("tch-1")).findFirst().orElseThrow();
        assertThat(teacher.role()).isEqualTo(RoleType.TEACHER);
        assertThat(teacher.orgSourcedIds()).containsExactly(RosterRecords.SCHOOL_A, RosterRecords.SCHOOL_B);
        RosterUser student = result.snapshot().users().stream().filter(u -> u.sourcedId().equals(RosterRecords.studentId(10)))
                .findFirst().orElseThrow();
        assertThat(student.role()).isEqualTo(RoleType.STUDENT);
        assertThat(student.orgSourcedIds()).containsExactly(RosterRecords.SCHOOL_B);
        assertThat(student.agentSourcedIds()).containsExactly("grd-10");
        assertThat(student.grades()).containsExactly("11");
        assertThat(student.identifier()).isEqualTo("S10");
        assertThat(student.enabled()).isTrue();
        assertThat(student.birthDate()).hasToString("2012-11-11");
        assertThat(result.snapshot().meta().source()).isEqualTo("oneroster-rest");
        assertThat(result.snapshot().classes()).singleElement().satisfies(c -> {
            assertThat(c.orgSourcedId()).isEqualTo(RosterRecords.SCHOOL_A);
            assertThat(c.courseSourcedId()).isEqualTo("crs-math");
            assertThat(c.termSourcedIds()).containsExactly("as-2026-t1");
        });
        assertThat(result.snapshot().enrollments()).hasSize(11).anySatisfy(e -> {
            assertThat(e.userSourcedId()).isEqualTo("tch-1");
            assertThat(e.role()).isEqualTo(RoleType.TEACHER);
            assertThat(e.primary()).isTrue();
        });
        assertThat(result.snapshot().orgs()).extracting(o -> o.type().name()).containsExactly("DISTRICT", "SCHOOL", "SCHOOL");
        assertThat(result.snapshot().academicSessions()).extracting(s -> s.parentSourcedId()).containsExactly(null, "as-2026");
        assertThat(result.version()).isEqualTo("1.2");
    }
}
