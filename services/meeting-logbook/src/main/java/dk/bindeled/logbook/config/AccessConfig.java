package dk.bindeled.logbook.config;

import static org.springframework.http.HttpMethod.GET;

import dk.bindeled.security.EndpointAccessRules;
import dk.bindeled.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The logbook's endpoint rules (deny by default). It documents the house's collaboration, with no personal data beyond
 * work roles, so every signed-in role reads it; those who work for an organisation write, and which collaboration or
 * meeting they may change is the aggregates' to say (its partners, its coordinator, its attendees).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    static final String[] WORKERS = {Roles.COORDINATOR, Roles.CENTRE_STAFF, Roles.CENTRE_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER,
            Roles.CASEWORKER};

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                // A calendar app cannot sign in: the token in the feed's address is the credential.
                .publicRead("/ical/**")
                .signedIn(GET, "/api/collaborations", "/api/collaborations/**", "/api/meetings/**")
                .roles("/api/collaborations", WORKERS)
                .roles("/api/collaborations/**", WORKERS)
                .roles("/api/meetings/**", WORKERS)
                .roles("/api/action-items/**", WORKERS)
                .roles("/api/feeds", WORKERS)
                .roles("/api/feeds/**", WORKERS);
    }
}
