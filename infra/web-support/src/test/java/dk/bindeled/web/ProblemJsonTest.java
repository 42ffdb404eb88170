package dk.bindeled.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonTest {

    @Test
    void membersInTheirOrderAndTextOfAnyKindSurvives() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Citat \"her\"\nog\u0001styretegn \\ æøå");
        problem.setType(URI.create("https://bindeled.dk/problems/missing-right"));
        problem.setTitle("Missing right");
        problem.setProperty("right", "partner-admin-of-partner");

        String json = ProblemJson.of(problem);
        JsonNode read = JsonMapper.builder().build().readTree(json);

        assertThat(json).startsWith("{\"type\":\"https://bindeled.dk/problems/missing-right\",\"title\":\"Missing right\",\"status\":403,");
        assertThat(read.get("detail").asString()).isEqualTo("Citat \"her\"\nog\u0001styretegn \\ æøå");
        assertThat(read.get("right").asString()).isEqualTo("partner-admin-of-partner");
    }
}
