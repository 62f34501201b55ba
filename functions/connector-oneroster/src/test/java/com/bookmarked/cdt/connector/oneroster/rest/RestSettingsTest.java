package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.customer.CustomerSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestSettingsTest {

    static CustomerSettings.Sis sis(String location, Map<String, String> options) {
        return new CustomerSettings.Sis("oneroster-rest", location, "env:SIS_SECRET", options);
    }

    @Test
    void version12DefaultsToOAuth2WithTheCoreAndDemographicsScopes() throws Exception {
        RestSettings s = RestSettings.read(sis("https://sis.example.org/ims/oneroster/rostering/v1p2/",
                Map.of("tokenUrl", "https://sis.example.org/oauth/token")));

        assertThat(s.version()).isEqualTo(RestVersion.V1_2);
        assertThat(s.auth()).isEqualTo("oauth2");
        assertThat(s.scope()).contains("roster-core.readonly").contains("roster-demographics.readonly");
        assertThat(s.baseUrl()).hasToString("https://sis.example.org/ims/oneroster/rostering/v1p2");
        assertThat(s.pageSize()).isEqualTo(1_000);
        assertThat(s.parallelism()).isEqualTo(4);
    }

    @Test
    void version11DefaultsToSignedRequestsAndGetsItsPathAdded() throws Exception {
        RestSettings s = RestSettings.read(sis("https://sis.example.org/", Map.of("version", "1.1", "parallelism", "8",
                "filter", "status='active'")));

        assertThat(s.auth()).isEqualTo("oauth1");
        assertThat(s.baseUrl()).hasToString("https://sis.example.org/ims/oneroster/v1p1");
        assertThat(s.parallelism()).isEqualTo(8);
        assertThat(s.filter()).isEqualTo("status='active'");
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> RestSettings.read(sis("http://sis.example.org/ims/oneroster/rostering/v1p2",
                Map.of("auth", "saml", "parallelism", "99"))))
                .isInstanceOf(SettingsProblem.class)
                .hasMessageContaining("the SIS location must be the https:// address")
                .hasMessageContaining("options.auth must be one of oauth1, oauth2")
                .hasMessageContaining("options.parallelism must be a whole number from 1 to 16")
                .hasMessageContaining("options.tokenUrl is required");
        assertThatThrownBy(() -> RestSettings.read(sis("https://sis.example.org", Map.of())))
                .hasMessageContaining("options.version is required (1.1 or 1.2)");
        assertThatThrownBy(() -> RestSettings.read(sis("https://sis.example.org/ims/oneroster/v1p1",
                Map.of("scope", "x"))))
                .hasMessageContaining("options.tokenUrl and options.scope apply to auth oauth2 only");
    }

    @Test
    void plainHttpIsForThisMachineOnly() {
        assertThat(SisOptions.webAddress("http://127.0.0.1:8080/x")).isNotNull();
        assertThat(SisOptions.webAddress("http://localhost/x")).isNotNull();
        assertThat(SisOptions.webAddress("http://sis.example.org/x")).isNull();
        assertThat(SisOptions.webAddress("https://user:pw@sis.example.org/x")).isNull();
        assertThat(SisOptions.webAddress("https://sis.example.org/x")).isNotNull();
    }

    @Test
    void credentialsNeverPrint() {
        assertThat(new RestAccess.OAuth1("id-1", "TOP-SECRET").toString()).doesNotContain("TOP-SECRET");
        assertThat(new RestAccess.OAuth2(java.net.URI.create("https://t"), "id-1", "TOP-SECRET", null,
                ClientCredentialsToken.ClientAuth.BASIC).toString()).doesNotContain("TOP-SECRET");
        assertThat(new RestAccess.Bearer("TOP-SECRET").toString()).doesNotContain("TOP-SECRET");
    }
}
