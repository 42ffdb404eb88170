package dk.bindeled.dashboard.config;

import dk.bindeled.security.EndpointAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's endpoint rules: the overview, the info screens and the centre pages show public information only,
 * so they, the JSON and SSE they read and their assets are open to anyone; anything else needs a signed-in caller
 * ({@code /admin/**} an admin, by the platform).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/", "/index.html", "/huse", "/huse.html", "/skaerm/*", "/skaerm.html", "/*.js", "/*.css", "/favicon.ico")
                .publicRead("/api/overview", "/api/stream", "/api/centres", "/api/centres/*/today", "/api/centres/*/stream",
                        "/api/centres/*/utilisation", "/api/utilisation", "/api/offers/by-week", "/api/referrals/flow")
                .signedIn("/**");
    }
}
