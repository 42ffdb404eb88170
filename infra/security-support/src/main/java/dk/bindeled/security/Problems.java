package dk.bindeled.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dk.bindeled.web.ProblemJson;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The problem+json bodies the filter chain writes itself (401, 403, 503), before any controller or message
 * converter is involved, by web-support's {@link ProblemJson}.
 */
final class Problems {

    static final String BASE = "https://bindeled.dk/problems/";

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail, Map<String, String> extra)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        extra.forEach(problem::setProperty);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(problem));
        response.getWriter().flush();
    }
}
