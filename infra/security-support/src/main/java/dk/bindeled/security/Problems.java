package dk.bindeled.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * The problem+json bodies the filter chain writes itself (401, 403, 503), before any controller or message
 * converter is involved; the same shape as web-support's {@code ProblemResponses}.
 */
final class Problems {

    static final String BASE = "https://bindeled.dk/problems/";

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail, Map<String, String> extra)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(body));
        response.getWriter().flush();
    }

    private static String json(Map<String, Object> body) {
        StringBuilder out = new StringBuilder("{");
        body.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(value instanceof Number ? value.toString() : quote(String.valueOf(value)));
        });
        return out.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
