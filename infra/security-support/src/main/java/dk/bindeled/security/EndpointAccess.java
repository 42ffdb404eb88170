package dk.bindeled.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rules of one service, stated through {@link EndpointAccessRules}: a small builder over Spring Security's
 * {@code authorizeHttpRequests}. Rules are tried in the order they are declared and the first whose method and
 * path pattern match decides (patterns are Spring's path patterns: {@code *} one segment, {@code /**} the rest).
 *
 * <p>Before a service's own rules come the platform's: {@code /admin/**} for {@link Roles#ADMIN} only, the API
 * docs ({@code /v3/api-docs/**}, {@code /swagger-ui/**}, {@code /swagger-ui.html}) and {@code /error} public.
 * After them, everything else is refused: anonymous callers get 401, signed-in ones 403.
 *
 * <p>These rules decide by role and sign-in only. Whose data a caller may touch (its own partner, its own
 * centre) is decided in the service's permissions class, which throws {@link MissingRightException}.
 */
public final class EndpointAccess {

    /** Spring's path patterns of the platform's own public and admin endpoints, in the order they are applied. */
    public static final List<String> DOC_PATHS = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");
    public static final String ADMIN_PATHS = "/admin/**";
    public static final String ERROR_PATH = "/error";

    /** One declared rule: which requests, and who may send them. */
    record Rule(HttpMethod method, List<String> patterns, Who who) {
    }

    private final List<Rule> rules = new ArrayList<>();

    EndpointAccess() {
    }

    /** GET and HEAD for anyone, signed in or not: open data, public pages, their assets. */
    public EndpointAccess publicRead(String... patterns) {
        add(HttpMethod.GET, patterns, Who.anyone());
        add(HttpMethod.HEAD, patterns, Who.anyone());
        return this;
    }

    /** This method for anyone, signed in or not. */
    public EndpointAccess anyone(HttpMethod method, String... patterns) {
        return add(method, patterns, Who.anyone());
    }

    /** Any method for every signed-in caller, whatever the roles. */
    public EndpointAccess signedIn(String... patterns) {
        return add(null, patterns, Who.signedIn());
    }

    /** This method for every signed-in caller, whatever the roles. */
    public EndpointAccess signedIn(HttpMethod method, String... patterns) {
        return add(method, patterns, Who.signedIn());
    }

    /** Any method for callers with at least one of these roles. */
    public EndpointAccess roles(String pattern, String... roles) {
        return add(null, new String[] {pattern}, Who.anyRole(roles));
    }

    /** This method for callers with at least one of these roles. */
    public EndpointAccess roles(HttpMethod method, String pattern, String... roles) {
        return add(method, new String[] {pattern}, Who.anyRole(roles));
    }

    private EndpointAccess add(HttpMethod method, String[] patterns, Who who) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("A rule names at least one path pattern");
        }
        rules.add(new Rule(method, List.of(patterns), who));
        return this;
    }

    List<Rule> rules() {
        return Collections.unmodifiableList(rules);
    }

    /** The platform's rules, the service's, then the refusal of everything else. */
    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        registry.requestMatchers(ADMIN_PATHS).access(Who.anyRole(Roles.ADMIN));
        registry.requestMatchers(DOC_PATHS.toArray(String[]::new)).access(Who.anyone());
        registry.requestMatchers(ERROR_PATH).access(Who.anyone());
        for (Rule rule : rules) {
            String[] patterns = rule.patterns().toArray(String[]::new);
            if (rule.method() == null) {
                registry.requestMatchers(patterns).access(rule.who());
            } else {
                registry.requestMatchers(rule.method(), patterns).access(rule.who());
            }
        }
        registry.anyRequest().access(Who.nobody());
    }

    /**
     * Who a rule lets through. A refusal names the right it lacked ({@link RightDecision}), so the 403 can say
     * which; an anonymous caller refused anything gets 401 instead (Spring's exception translation).
     */
    static final class Who implements AuthorizationManager<RequestAuthorizationContext> {

        private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

        private final String right;
        private final Set<String> roles;
        private final boolean anyone;
        private final boolean any;

        private Who(String right, Set<String> roles, boolean anyone, boolean any) {
            this.right = right;
            this.roles = roles;
            this.anyone = anyone;
            this.any = any;
        }

        static Who anyone() {
            return new Who("public", Set.of(), true, true);
        }

        static Who signedIn() {
            return new Who("signed-in", Set.of(), false, true);
        }

        static Who anyRole(String... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("A role rule names at least one role");
            }
            return new Who("role:" + String.join("|", roles), Set.copyOf(Arrays.asList(roles)), false, false);
        }

        static Who nobody() {
            return new Who("endpoint-not-open", Set.of(), false, false);
        }

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
            if (anyone) {
                return new RightDecision(true, right);
            }
            Authentication auth = authentication.get();
            boolean signedIn = auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
            if (!signedIn) {
                return new RightDecision(false, right);
            }
            if (any) {
                return new RightDecision(true, right);
            }
            Caller caller = Callers.of(auth);
            return new RightDecision(roles.stream().anyMatch(caller::hasRole), right);
        }

        @Override
        public String toString() {
            return right;
        }
    }

    /** A decision that remembers the right it was about, for the 403's {@code right}. */
    static final class RightDecision extends AuthorizationDecision {

        private final String right;

        RightDecision(boolean granted, String right) {
            super(granted);
            this.right = right;
        }

        String right() {
            return right;
        }
    }
}
