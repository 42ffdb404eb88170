package dk.bindeled.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem+json body for the places that answer before (or without) Spring MVC's message converters: the
 * servlet container's own refusals and the security filter chain's 401, 403 and 503. One writer, so a problem
 * looks the same wherever it comes from: {@code type}, {@code title}, {@code status}, {@code detail}, then any
 * members of the problem's own ({@code right}, …), in that order.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    public static String of(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body);
    }
}
