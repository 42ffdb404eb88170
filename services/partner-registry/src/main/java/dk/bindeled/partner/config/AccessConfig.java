package dk.bindeled.partner.config;

import dk.bindeled.security.EndpointAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner registry's endpoint rules. */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/**")
                .signedIn("/api/**");
    }
}
