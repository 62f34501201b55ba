package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.FakeSis;
import com.bookmarked.cdt.connector.oneroster.rest.RestAccess;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException;
import com.bookmarked.cdt.connector.oneroster.rest.Ticker;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ClassLink's applications endpoints as its documentation shows their answers, odd shapes included. */
class ClassLinkSourceTest {

    FakeSis proxy;

    @BeforeEach
    void start() {
        proxy = FakeSis.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    ClassLinkSettings settings(String access, Map<String, String> options) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("access", access);
        return ClassLinkSettings.read(new CustomerSettings.Sis("classlink", proxy.url(), "env:X", all));
    }

    void applications(String body) {
        proxy.wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/applications")).atPriority(1)
                .willReturn(WireMock.okJson(body)));
    }

    void server(String body) {
        proxy.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching("/applications/.+/server")).atPriority(1)
                .willReturn(WireMock.okJson(body)));
    }

    @Test
    void aSingleApplicationSentAsAnObjectIsUnderstoodAndChosen() throws Exception {
        applications("{\"status\":1,\"applications\":{\"id\":1176,\"tenant_name\":\"ClassLink Demo\",\"tenant_id\":2,"
                + "\"application_id\":57,\"bearer\":null,\"name\":\"CDT\",\"oneroster_application_id\":\"MoYPlyQWmG0%3D\"}}");

        ClassLinkSource.Resolved r = ClassLinkSource.resolve(settings("proxy", Map.of()), new RestAccess.Bearer("t"), Ticker.SYSTEM);

        assertThat(r.source().baseUrl()).hasToString(proxy.url() + "/MoYPlyQWmG0%3D/ims/oneroster/v1p1");
        assertThat(r.source().access()).isInstanceOf(RestAccess.Bearer.class);
        assertThat(r.discovered()).contains("ClassLink Demo (tenant 2)");
    }

    @Test
    void aServerWithoutItsSecretSendsTheAgentToDirectAccess() throws Exception {
        applications("{\"status\":1,\"applications\":[{\"tenant_name\":\"Demo\",\"tenant_id\":2,\"oneroster_application_id\":\"A1\"}]}");
        server("{\"status\":1,\"server\":{\"client_id\":\"b008\",\"client_secret\":\"\",\"endpoint_url\":\"https://server.example.com\"},\"message\":\"\"}");

        assertThatThrownBy(() -> ClassLinkSource.resolve(settings("discover", Map.of("tenantId", "2")),
                new RestAccess.Bearer("t"), Ticker.SYSTEM))
                .isInstanceOf(SisApiException.class)
                .hasMessage("ClassLink did not give the client id and secret of the Roster Server of Demo (tenant 2);"
                        + " use access direct with the credentials from ClassLink's developer console.");
    }

    @Test
    void aServerAddressThatIsNotHttpsGetsNoCredentials() throws Exception {
        applications("{\"status\":1,\"applications\":[{\"tenant_name\":\"Demo\",\"tenant_id\":2,\"oneroster_application_id\":\"A1\"}]}");
        server("{\"status\":1,\"server\":{\"client_id\":\"b008\",\"client_secret\":\"s\",\"endpoint_url\":\"http://roster.example.com\"}}");

        assertThatThrownBy(() -> ClassLinkSource.resolve(settings("discover", Map.of()), new RestAccess.Bearer("t"), Ticker.SYSTEM))
                .hasMessageContaining("with an address that is not https (http://roster.example.com); CDT does not send credentials there");
    }

    @Test
    void aDiscoveredServerIsReadWithSignedRequests() throws Exception {
        applications("{\"status\":1,\"applications\":[{\"tenant_name\":\"Demo\",\"tenant_id\":2,\"oneroster_application_id\":\"A1\"}]}");
        server("{\"status\":1,\"server\":{\"client_id\":\"b008\",\"client_secret\":\"s\",\"endpoint_url\":\"https://roster.example.com/\"}}");

        ClassLinkSource.Resolved r = ClassLinkSource.resolve(settings("discover", Map.of("applicationId", "A1")),
                new RestAccess.Bearer("t"), Ticker.SYSTEM);

        assertThat(r.source().baseUrl()).hasToString("https://roster.example.com/ims/oneroster/v1p1");
        assertThat(r.source().access()).isEqualTo(new RestAccess.OAuth1("b008", "s"));
    }

    @Test
    void aStatusOtherThanOneIsAnAnswerCdtCannotUse() throws Exception {
        applications("{\"status\":0,\"applications\":[]}");

        assertThatThrownBy(() -> ClassLinkSource.resolve(settings("proxy", Map.of("tenantId", "2")), new RestAccess.Bearer("t"),
                Ticker.SYSTEM)).hasMessageStartingWith("ClassLink said it could not give the list of districts that gave CDT access (status 0)");
    }

    @Test
    void withSeveralDistrictsOneMustBeNamed() throws Exception {
        applications("{\"status\":1,\"applications\":[{\"tenant_name\":\"A\",\"tenant_id\":1,\"oneroster_application_id\":\"X\"},"
                + "{\"tenant_name\":\"B\",\"tenant_id\":2,\"oneroster_application_id\":\"Y\"}]}");

        assertThatThrownBy(() -> ClassLinkSource.resolve(settings("proxy", Map.of()), new RestAccess.Bearer("t"), Ticker.SYSTEM))
                .hasMessageStartingWith("ClassLink does not list the district (set options.tenantId or options.applicationId)"
                        + " among the 2 districts that gave CDT access (found: A (tenant 1), B (tenant 2))");
    }
}
