package dk.bindeled.security.app;

import dk.bindeled.command.CommandActor;
import dk.bindeled.security.Caller;
import dk.bindeled.security.Callers;
import dk.bindeled.security.EndpointAccessRules;
import dk.bindeled.security.MissingRightException;
import dk.bindeled.security.Roles;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small service with one endpoint of each kind of rule, for the security module's own tests. */
@SpringBootApplication
public class GuardedApplication {

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/open/**")
                .signedIn(HttpMethod.GET, "/me", "/me/**")
                .roles(HttpMethod.POST, "/centres/*/approve", Roles.CENTRE_MANAGER, Roles.ADMIN)
                .signedIn(HttpMethod.POST, "/partners/*/profile");
    }

    @RestController
    static class Endpoints {

        private final CommandActor actor;

        Endpoints(CommandActor actor) {
            this.actor = actor;
        }

        @GetMapping("/open/directory")
        Map<String, Object> directory() {
            return Map.of("caller", Callers.current().subject());
        }

        @GetMapping("/me")
        Caller me() {
            return Callers.current();
        }

        @GetMapping("/actor")
        String actorNotOpened() {
            return actor.current();
        }

        @GetMapping("/me/actor")
        Map<String, String> meActor() {
            return Map.of("actor", actor.current());
        }

        @PostMapping("/centres/{centre}/approve")
        Map<String, String> approve(@PathVariable String centre) {
            if (!Callers.current().isAdmin() && !Callers.current().managerOf(centre)) {
                throw new MissingRightException("centre-manager-of-centre", "Only the manager of " + centre + " approves its bookings.");
            }
            return Map.of("approved", centre);
        }

        @PostMapping("/partners/{partner}/profile")
        Map<String, String> profile(@PathVariable UUID partner) {
            if (!Callers.current().adminOf(partner)) {
                throw new MissingRightException("partner-admin-of-partner", "Only the partner's own admins edit its profile.");
            }
            return Map.of("edited", partner.toString());
        }

        @PostMapping("/admin/projections/replay")
        Map<String, String> replay() {
            return Map.of("replay", "started");
        }
    }
}
