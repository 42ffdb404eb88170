package dk.bindeled.identity.domain;

import java.util.List;

/**
 * A registered OAuth2 client. A browser client signs people in and its tokens carry theirs; a client-credentials
 * client acts for itself, and its {@link #identity()} (subject = client id) fills its tokens.
 */
public record DemoClient(String clientId, String secret, List<Grant> grants, List<String> scopes, Identity identity) {

    public DemoClient {
        grants = List.copyOf(grants);
        scopes = List.copyOf(scopes);
    }

    public boolean signsInPeople() {
        return grants.contains(Grant.AUTHORIZATION_CODE);
    }

    /** The grant types a demo client may use, spelled as in OAuth2. */
    public enum Grant {
        AUTHORIZATION_CODE("authorization_code"),
        REFRESH_TOKEN("refresh_token"),
        CLIENT_CREDENTIALS("client_credentials");

        private final String value;

        Grant(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }
}
