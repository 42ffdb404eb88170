package dk.bindeled.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.identity.domain.DemoIdentities;
import dk.bindeled.identity.domain.DemoPartnerIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/** Which identity a token is made from, and that only access tokens are addressed to Bindeled. */
class TokenIdentitiesTest {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
    private final TokenIdentities customizer = new TokenIdentities(
            DemoIdentities.read(TokenIdentitiesTest.class.getResourceAsStream("/demo-identities.json"), "demo"), "bindeled");

    @Test
    void aSignedInUsersAccessTokenCarriesTheirClaimsAndTheBindeledAudience() {
        Map<String, Object> claims = customize("bindeled-web", AuthorizationGrantType.AUTHORIZATION_CODE,
                "marianne", OAuth2TokenType.ACCESS_TOKEN);
        assertThat(claims).containsEntry("aud", List.of("bindeled"))
                .containsEntry("name", "Marianne Kjær")
                .containsEntry("org", DemoPartnerIds.of("laegehuset-oest").toString())
                .containsEntry("org_cvr", "44125242")
                .containsEntry("roles", List.of("partner-admin"));
    }

    @Test
    void anIdTokenCarriesTheSameClaimsButStaysAddressedToItsClient() {
        Map<String, Object> claims = customize("bindeled-web", AuthorizationGrantType.REFRESH_TOKEN, "ole", ID_TOKEN);
        assertThat(claims).containsEntry("aud", List.of("bindeled-web"))
                .containsEntry("roles", List.of("coordinator"))
                .containsEntry("centres", List.of("hedemarken"))
                .containsEntry("org", DemoPartnerIds.of("helhedsplan-albertslund").toString());
    }

    @Test
    void aClientCredentialsTokenIsTheClientsOwn() {
        Map<String, Object> claims = customize("local-stack", AuthorizationGrantType.CLIENT_CREDENTIALS,
                "local-stack", OAuth2TokenType.ACCESS_TOKEN);
        assertThat(claims).containsEntry("roles", List.of("admin", "centre-manager")).containsEntry("aud", List.of("bindeled"))
                .doesNotContainKeys("org", "org_cvr");
        assertThat((List<?>) claims.get("centres")).hasSize(4);
    }

    @Test
    void aUserNoLongerInTheFileGetsNoToken() {
        assertThatThrownBy(() -> customize("bindeled-web", AuthorizationGrantType.REFRESH_TOKEN, "gone",
                OAuth2TokenType.ACCESS_TOKEN))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("user gone is no longer in the demo identities");
    }

    private Map<String, Object> customize(String clientId, AuthorizationGrantType grant, String principal,
            OAuth2TokenType type) {
        RegisteredClient client = RegisteredClient.withId(clientId).clientId(clientId).authorizationGrantType(grant)
                .redirectUri("http://localhost:8080/login/oauth2/code/bindeled")
                .build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(principal).audience(List.of(clientId));
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(client)
                .principal(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()))
                .authorizationGrantType(grant)
                .tokenType(type)
                .build();
        customizer.customize(context);
        return claims.build().getClaims();
    }
}
