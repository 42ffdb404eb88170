package dk.bindeled.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import tools.jackson.databind.json.JsonMapper;

class ClientIdentityTest {

    private final ClientIdentity identities = new ClientIdentity(JsonMapper.builder().build());

    @Test
    void theSameClientAndSubjectAreOneKeyAndADifferentSubjectAnother() {
        String a = identities.of(bearer(GatewayIT.jwt("staff-web", "u1"))).orElseThrow();
        assertThat(identities.of(bearer(GatewayIT.jwt("staff-web", "u1")))).hasValue(a);
        assertThat(identities.of(bearer(GatewayIT.jwt("staff-web", "u2")))).isPresent().get().isNotEqualTo(a);
        assertThat(a).matches("[0-9a-f]{32}");
    }

    @Test
    void whatIsNotAJwtNamesNoClient() {
        assertThat(identities.of(bearer("not-a-jwt"))).isEmpty();
        assertThat(identities.of(bearer("a.%%%.c"))).isEmpty();
        assertThat(identities.of(MockServerHttpRequest.get("/").header("Authorization", "Basic dXNlcjpwdw==").build())).isEmpty();
        assertThat(identities.of(MockServerHttpRequest.get("/").build())).isEmpty();
    }

    private static MockServerHttpRequest bearer(String token) {
        return MockServerHttpRequest.get("/").header("Authorization", "Bearer " + token).build();
    }
}
