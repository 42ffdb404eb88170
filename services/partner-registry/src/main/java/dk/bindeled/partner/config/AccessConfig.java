package dk.bindeled.partner.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dk.bindeled.security.EndpointAccessRules;
import dk.bindeled.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner registry's endpoint rules (deny by default; {@code /admin/**} is admin-only by the platform). Open
 * data for anyone: the directory, partners, offers and the HSDS export, none with contact people. Whose partner a
 * signed-in caller may change is decided by {@code web.PartnerAccess}.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/api/partners", "/api/partners/*", "/api/offers/*", "/hsds", "/hsds/**")
                .roles(POST, "/api/partners", Roles.ADMIN)
                .roles(POST, "/api/partners/*/deactivation", Roles.ADMIN)
                .roles("/api/partners/*/centres/*", Roles.ADMIN)
                .signedIn(GET, "/api/partners/*/history")
                .signedIn(PUT, "/api/partners/*/profile")
                .signedIn("/api/partners/*/contacts", "/api/partners/*/contacts/*", "/api/partners/*/offers", "/api/partners/*/offers/*",
                        "/api/partners/*/offers/*/withdrawal", "/api/partners/*/resources", "/api/partners/*/resources/*");
    }
}
