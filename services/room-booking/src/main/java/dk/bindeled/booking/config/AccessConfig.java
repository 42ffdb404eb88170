package dk.bindeled.booking.config;

import static dk.bindeled.security.Roles.ADMIN;
import static dk.bindeled.security.Roles.CENTRE_MANAGER;
import static dk.bindeled.security.Roles.CENTRE_STAFF;
import static dk.bindeled.security.Roles.COORDINATOR;
import static dk.bindeled.security.Roles.PARTNER_ADMIN;
import static dk.bindeled.security.Roles.PARTNER_MEMBER;

import dk.bindeled.booking.web.CallerViewer;
import dk.bindeled.booking.web.TokenCallerViewer;
import dk.bindeled.security.EndpointAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Room booking's endpoint rules (deny by default): by role and sign-in only. Whose partner or centre a request
 * concerns is decided after these, in {@code domain.BookingPermissions}; the table with the reasons is in the README's
 * "Access: room booking".
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    private static final String[] BOOKERS = {CENTRE_MANAGER, CENTRE_STAFF, PARTNER_ADMIN, PARTNER_MEMBER};

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                // Public information: centres and their rules, rooms, calendars with visibility applied, free slots.
                .publicRead("/api/centres", "/api/centres/*", "/api/resources/*", "/api/resources/*/calendar",
                        "/api/centres/*/calendar", "/api/centres/*/free-slots")
                // The platform's docs rules cover /v3/api-docs and /v3/api-docs/**, not springdoc's YAML form of it.
                .publicRead("/v3/api-docs.yaml")
                // The feed token in the URL is the capability; no bearer.
                .publicRead("/ical/resources/*", "/ical/centres/*", "/ical/partners/*")
                .signedIn(HttpMethod.GET, "/api/bookings/*", "/api/series/*", "/api/resources/*/waitlist", "/api/partners/*/bookings")
                .roles(HttpMethod.GET, "/api/centres/*/approvals", ADMIN, CENTRE_MANAGER, CENTRE_STAFF)
                .roles(HttpMethod.GET, "/api/centres/*/fairness", ADMIN, COORDINATOR, CENTRE_MANAGER, CENTRE_STAFF)
                .roles(HttpMethod.GET, "/api/centres/*/quota", ADMIN, CENTRE_MANAGER, CENTRE_STAFF, PARTNER_ADMIN, PARTNER_MEMBER)
                .roles(HttpMethod.POST, "/api/centres", ADMIN, CENTRE_MANAGER)
                .roles(HttpMethod.PUT, "/api/centres/*/quotas/*", ADMIN, CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/centres/*/resources", ADMIN, CENTRE_MANAGER)
                .roles(HttpMethod.PUT, "/api/resources/*/rules", ADMIN, CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/bookings", BOOKERS)
                .roles(HttpMethod.POST, "/api/series", BOOKERS)
                .roles(HttpMethod.POST, "/api/waitlist", BOOKERS)
                .roles(HttpMethod.DELETE, "/api/waitlist/*", BOOKERS)
                .roles(HttpMethod.POST, "/api/bookings/*/approve", CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/bookings/*/reject", CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/series/*/approve", CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/series/*/reject", CENTRE_MANAGER)
                .roles(HttpMethod.POST, "/api/bookings/*/cancel", BOOKERS)
                .roles(HttpMethod.POST, "/api/bookings/*/move", BOOKERS)
                .roles(HttpMethod.POST, "/api/series/*/cancel", BOOKERS)
                .roles(HttpMethod.POST, "/api/bookings/*/accept", PARTNER_ADMIN, PARTNER_MEMBER)
                .roles(HttpMethod.POST, "/api/bookings/*/decline", PARTNER_ADMIN, PARTNER_MEMBER)
                .roles(HttpMethod.POST, "/api/centres/*/feed-tokens", CENTRE_MANAGER, CENTRE_STAFF)
                .roles(HttpMethod.GET, "/api/centres/*/feed-tokens", CENTRE_MANAGER, CENTRE_STAFF)
                .roles(HttpMethod.POST, "/api/resources/*/feed-tokens", CENTRE_MANAGER, CENTRE_STAFF)
                .roles(HttpMethod.POST, "/api/partners/*/feed-tokens", PARTNER_ADMIN, PARTNER_MEMBER)
                .roles(HttpMethod.GET, "/api/partners/*/feed-tokens", PARTNER_ADMIN, PARTNER_MEMBER)
                .roles(HttpMethod.DELETE, "/api/feed-tokens/*", BOOKERS);
    }

    /** The caller the booking rules judge: the validated token's. */
    @Bean
    CallerViewer callerViewer() {
        return new TokenCallerViewer();
    }
}
