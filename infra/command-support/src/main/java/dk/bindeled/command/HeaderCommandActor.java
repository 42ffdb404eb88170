package dk.bindeled.command;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The authenticated user, or until the gateway authenticates every call, the {@code X-Bindeled-Actor} header;
 * {@code anonymous} without either (or outside a request).
 */
public class HeaderCommandActor implements CommandActor {

    public static final String ACTOR_HEADER = "X-Bindeled-Actor";

    @Override
    public String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "anonymous";
        }
        HttpServletRequest request = attributes.getRequest();
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        String header = request.getHeader(ACTOR_HEADER);
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }
}
