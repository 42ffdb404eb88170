package dk.bindeled.booking.config;

import dk.bindeled.security.EndpointAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Room booking's endpoint rules, for now: every read public, every write signed in (so each command's actor is a
 * token's subject). Room booking's own rules (who books for whom, who approves) replace these in their own change.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/**")
                .signedIn("/api/**");
    }
}
