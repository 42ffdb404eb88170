package dk.bindeled.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A signed-in caller refused by the endpoint rules: 403 problem+json naming the right in {@code right}. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        String right = denied instanceof AuthorizationDeniedException d && d.getAuthorizationResult() instanceof EndpointAccess.RightDecision r
                ? r.right() : "endpoint-not-open";
        String detail = right.startsWith("role:")
                ? "This endpoint needs one of the roles " + String.join(", ", right.substring(5).split("\\|")) + "."
                : "No rule opens this endpoint to you.";
        Problems.write(response, 403, "missing-right", "Missing right", detail, Map.of("right", right));
    }
}
