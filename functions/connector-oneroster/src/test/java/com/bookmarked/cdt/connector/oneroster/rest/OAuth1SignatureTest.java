package com.bookmarked.cdt.connector.oneroster.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature base string and encoding rules of RFC 5849, section 3.4 and 3.6. */
class OAuth1SignatureTest {

    @Test
    void theBaseStringOfTheRfcsExampleRequest() {
        // RFC 5849 section 3.4.1.1: the request's query, its form body and its oauth_ parameters, decoded
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuth1Signature.queryParameters(uri));
        params.add(Map.entry("c2", ""));
        params.add(Map.entry("a3", "2 q"));
        params.add(Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"));
        params.add(Map.entry("oauth_token", "kkk9d7dh3k39sjv7"));
        params.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
        params.add(Map.entry("oauth_timestamp", "137131201"));
        params.add(Map.entry("oauth_nonce", "7d8f3e4a"));

        assertThat(OAuth1Signature.baseString("POST", uri, params)).isEqualTo(
                "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D"
                        + "%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method"
                        + "%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void encodingKeepsOnlyUnreservedCharacters() {
        assertThat(OAuth1Signature.encode("a-b.c_d~e f+g*h/é'>")).isEqualTo("a-b.c_d~e%20f%2Bg%2Ah%2F%C3%A9%27%3E");
        assertThat(OAuth1Signature.decode("a%20b+c%C3%A9%2")).isEqualTo("a b cé%2");
    }

    @Test
    void theBaseUriDropsDefaultPortsAndLowersSchemeAndHost() {
        assertThat(OAuth1Signature.baseUri(URI.create("HTTPS://SIS.Example.org:443/ims/OneRoster/v1p1/users?limit=1")))
                .isEqualTo("https://sis.example.org/ims/OneRoster/v1p1/users");
        assertThat(OAuth1Signature.baseUri(URI.create("http://127.0.0.1:8089/x"))).isEqualTo("http://127.0.0.1:8089/x");
    }

    @Test
    void eachRequestGetsItsOwnNonceAndTheCurrentTime() {
        FakeTicker ticker = new FakeTicker(Instant.parse("2026-11-29T10:00:00Z"));
        OAuth1Signature signer = new OAuth1Signature("key-1", "s3cret", ticker);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String header = signer.authorize("GET", URI.create("https://sis.example.org/ims/oneroster/v1p1/users?limit=1&offset=0"));
            assertThat(header).startsWith("OAuth ").contains("oauth_consumer_key=\"key-1\"")
                    .contains("oauth_signature_method=\"HMAC-SHA256\"").contains("oauth_timestamp=\"1795946400\"")
                    .contains("oauth_version=\"1.0\"").doesNotContain("s3cret");
            nonces.add(header.replaceAll(".*oauth_nonce=\"([^\"]+)\".*", "$1"));
        }
        assertThat(nonces).hasSize(50);
    }
}
