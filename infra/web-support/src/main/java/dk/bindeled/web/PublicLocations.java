package dk.bindeled.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A controller answers {@code Location: /api/partners/…}, a path of its own; behind the gateway that path lives under
 * the service's prefix ({@code /registry/api/partners/…}), which the ForwardedHeaderFilter before this one has made the
 * request's context path. A Location that starts at the root is given that context path, so a client following it
 * reaches the resource wherever the service is published. Absolute and already-prefixed Locations are left alone.
 */
final class PublicLocations extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contextPath = request.getContextPath();
        if (contextPath == null || contextPath.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, publicLocation(name, value, contextPath));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, publicLocation(name, value, contextPath));
            }
        });
    }

    static String publicLocation(String header, String value, String contextPath) {
        if (value == null || !HttpHeaders.LOCATION.equalsIgnoreCase(header) || !value.startsWith("/") || value.startsWith("//")
                || value.equals(contextPath) || value.startsWith(contextPath + "/")) {
            return value;
        }
        return contextPath + value;
    }
}
