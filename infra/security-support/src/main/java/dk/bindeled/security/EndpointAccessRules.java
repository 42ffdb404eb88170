package dk.bindeled.security;

/**
 * A service's access rules, in one place: its one bean of this type states, for every endpoint, who may call it.
 * What no rule names is refused (deny by default). Example:
 *
 * <pre>{@code
 * @Bean
 * EndpointAccessRules accessRules() {
 *     return access -> access
 *             .publicRead("/api/partners", "/api/partners/*", "/hsds/**")
 *             .roles(HttpMethod.POST, "/api/partners", Roles.ADMIN)
 *             .signedIn(HttpMethod.PUT, "/api/partners/*");   // whose partner: the service's permissions class
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EndpointAccessRules {

    void declare(EndpointAccess access);
}
