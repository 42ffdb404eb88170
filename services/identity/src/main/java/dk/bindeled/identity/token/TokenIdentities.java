package dk.bindeled.identity.token;

import dk.bindeled.identity.domain.DemoIdentities;
import dk.bindeled.identity.domain.DemoUser;
import dk.bindeled.identity.domain.Identity;
import dk.bindeled.identity.domain.IdentityClaims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts Bindeled's claims on every access token, id token and userinfo answer, from the one identity the token is
 * for: the signed-in user (authorization code, and every refresh of it) or the client itself (client credentials).
 */
public final class TokenIdentities implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final DemoIdentities identities;
    private final String audience;

    public TokenIdentities(DemoIdentities identities, String audience) {
        this.identities = identities;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!accessToken && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        Identity identity = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? clientIdentity(context.getRegisteredClient().getClientId())
                : userIdentity(context.getPrincipal().getName());
        context.getClaims().claims(claims -> claims.putAll(IdentityClaims.of(identity)));
        if (accessToken) {
            // The services check that a token was meant for Bindeled; an id token stays addressed to its client (OIDC).
            context.getClaims().audience(List.of(audience));
        }
    }

    /** The userinfo endpoint: the same claims as the id token, whatever scopes were granted. */
    public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String username = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(JwtClaimNames.SUB, username);
        claims.putAll(IdentityClaims.of(userIdentity(username)));
        return new OidcUserInfo(claims);
    }

    private Identity userIdentity(String username) {
        return identities.user(username).map(DemoUser::identity).orElseThrow(() -> unknown("user " + username));
    }

    private Identity clientIdentity(String clientId) {
        return identities.client(clientId).map(client -> client.identity()).orElseThrow(() -> unknown("client " + clientId));
    }

    // Only if a session outlived a change of the demo file: refuse the token rather than issue one without claims.
    private static OAuth2AuthenticationException unknown(String who) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                who + " is no longer in the demo identities", null));
    }
}
