package dk.bindeled.identity.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bindeled claims of an identity, the same on access tokens, id tokens and userinfo: {@code name},
 * {@code org} (partner id; absent without an organisation), {@code org_cvr} (absent without a CVR number),
 * {@code roles} and {@code centres} (always arrays, possibly empty, so a reader never has to guess a type).
 * {@code sub} is the token's own business: the username or the client id, as the authorization server sets it.
 */
public final class IdentityClaims {

    public static final String NAME = "name";
    public static final String ORG = "org";
    public static final String ORG_CVR = "org_cvr";
    public static final String ROLES = "roles";
    public static final String CENTRES = "centres";

    /** Every claim this class may add; a token's other claims are the authorization server's. */
    public static final List<String> ALL = List.of(NAME, ORG, ORG_CVR, ROLES, CENTRES);

    private IdentityClaims() {
    }

    public static Map<String, Object> of(Identity identity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(NAME, identity.name());
        identity.org().ifPresent(org -> {
            claims.put(ORG, org.partnerId().toString());
            org.cvrNumber().ifPresent(cvr -> claims.put(ORG_CVR, cvr));
        });
        claims.put(ROLES, identity.roles().stream().map(Role::claimValue).toList());
        claims.put(CENTRES, identity.centres());
        return claims;
    }
}
