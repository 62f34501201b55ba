package com.bookmarked.cdt.core.auth;

import com.bookmarked.cdt.core.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtVerifierTest {

    static AuthSettings settings() {
        AuthSettings s = new AuthSettings();
        s.setIssuer(TestTokens.ISSUER);
        s.setAudience(TestTokens.AUDIENCE);
        s.setJwks(TestTokens.jwksJson());
        return s;
    }

    final JwtVerifier verifier = new JwtVerifier(settings());

    void refused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token)).as(reason).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void aValidTokenGivesTheUserAndRoles() throws Exception {
        assertThat(verifier.verify(TestTokens.token("agent7", "agent", "Admin")))
                .isEqualTo(new SignedInUser("agent7", List.of("agent", "admin")));
    }

    @Test
    void cognitoTokensWork() throws Exception {
        String token = TestTokens.builder().subject("3f1c-uuid").claim("cognito:username", "jsmith")
                .claim("cognito:groups", List.of("engineer")).build();
        assertThat(verifier.verify(token)).isEqualTo(new SignedInUser("jsmith", List.of("engineer")));
    }

    @Test
    void cognitoAccessTokensNameTheAppInClientIdInsteadOfAud() throws Exception {
        TestTokens.Builder access = TestTokens.builder().noAudience().claim("cognito:username", "jsmith")
                .claim("token_use", "access").claim("cognito:groups", List.of("agent"));
        assertThat(verifier.verify(access.claim("client_id", TestTokens.AUDIENCE).build()))
                .isEqualTo(new SignedInUser("jsmith", List.of("agent")));
        refused(access.claim("client_id", "another-app").build(), "another app's access token");
        refused(TestTokens.builder().noAudience().claim("token_use", "id").claim("client_id", TestTokens.AUDIENCE).build(),
                "client_id counts only on an access token");
        refused(TestTokens.builder().noAudience().build(), "no audience at all");
        refused(TestTokens.builder().audience("another-app").claim("client_id", TestTokens.AUDIENCE)
                .claim("token_use", "access").build(), "an aud naming another app wins over client_id");
    }

    @Test
    void expiryAllowsAMinuteOfSkewAndNoMore() throws Exception {
        assertThat(verifier.verify(TestTokens.builder().expiresIn(Duration.ofSeconds(-30)).build()).username()).isEqualTo("tester");
        assertThatThrownBy(() -> verifier.verify(TestTokens.builder().expiresIn(Duration.ofSeconds(-90)).build()))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("expired");
        refused(TestTokens.builder().noExpiry().build(), "a token must expire");
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        refused(TestTokens.builder().issuer("https://evil.example").build(), "issuer");
        refused(TestTokens.builder().audience("another-app").build(), "audience");
    }

    @Test
    void forgedTokensAreRefused() {
        refused(TestTokens.builder().roles("admin").buildUnsigned(), "alg none");
        refused(TestTokens.builder().roles("admin").buildHs256WithPublicKey(), "HS256 keyed with the public key");
        refused(TestTokens.builder().roles("admin").signedWith(TestTokens.otherKey()).build(), "another RSA key");
        refused("not.a.token", "garbage");
        refused("", "empty");
    }

    @Test
    void withoutKeysEveryTokenIsRefused() {
        JwtVerifier unconfigured = new JwtVerifier(new AuthSettings());
        assertThatThrownBy(() -> unconfigured.verify(TestTokens.token("agent7", "agent")))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("not set up");
    }
}
