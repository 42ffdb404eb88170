package dk.bindeled.referrals.config;

import static org.springframework.http.HttpMethod.GET;

import dk.bindeled.security.EndpointAccessRules;
import dk.bindeled.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Referrals' endpoint rules (deny by default): the roles that work for an organisation — caseworkers, centre staff and
 * partners' members — reach the referral API; which referral they see is decided by its two sides alone (the queries
 * answer 404 to anyone else). The platform admin has no organisation and sees no resident. Statistics, counts only, are
 * for every signed-in role. A status link's read is for anyone holding its address: the token is the credential.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    static final String[] WORKERS = {Roles.CASEWORKER, Roles.CENTRE_STAFF, Roles.CENTRE_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER};

    @Bean
    EndpointAccessRules accessRules() {
        return access -> access
                .publicRead("/api/status-link")
                .signedIn(GET, "/api/referrals/statistics")
                .roles("/api/residents", WORKERS)
                .roles("/api/residents/**", WORKERS)
                .roles("/api/referrals", WORKERS)
                .roles("/api/referrals/**", WORKERS);
    }
}
