package dk.bindeled.staffweb.config;

import dk.bindeled.staffweb.integration.out.Dashboard;
import dk.bindeled.staffweb.integration.out.Logbook;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.Referrals;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service the pages call, with the signed-in user's token (refreshed when it has expired); and referrals once more
 * without any, for the status link's page, which is opened by people who have no account.
 */
@Configuration
public class ServiceClientsConfig {

    @Bean
    RoomBooking roomBooking(RestClient.Builder builder, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                            StaffWebProperties properties, JsonMapper json) {
        return new RoomBooking(client("room-booking", StaffWebProperties.ROOM_BOOKING_PREFIX, properties.services().roomBooking(), builder, manager, clients, properties, json));
    }

    @Bean
    PartnerRegistry partnerRegistry(RestClient.Builder builder, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                                    StaffWebProperties properties, JsonMapper json) {
        return new PartnerRegistry(client("partner-registry", StaffWebProperties.REGISTRY_PREFIX, properties.services().partnerRegistry(), builder, manager, clients, properties, json));
    }

    @Bean
    Dashboard dashboard(RestClient.Builder builder, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                        StaffWebProperties properties, JsonMapper json) {
        return new Dashboard(client("dashboard", StaffWebProperties.DASHBOARD_PREFIX, properties.services().dashboard(), builder, manager, clients, properties, json));
    }

    @Bean
    Referrals referrals(RestClient.Builder builder, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                        StaffWebProperties properties, JsonMapper json) {
        return new Referrals(client("referrals", StaffWebProperties.REFERRALS_PREFIX, properties.services().referrals(), builder, manager, clients, properties, json),
                new ServiceClient("referrals", builder.clone().baseUrl(properties.services().referrals().toString())
                        .requestFactory(requests(properties)).build(), json));
    }

    @Bean
    Logbook logbook(RestClient.Builder builder, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                    StaffWebProperties properties, JsonMapper json) {
        return new Logbook(client("meeting-logbook", StaffWebProperties.LOGBOOK_PREFIX, properties.services().meetingLogbook(), builder, manager,
                clients, properties, json));
    }

    private static ServiceClient client(String name, String publicPrefix, URI base, RestClient.Builder builder, OAuth2AuthorizedClientManager manager,
                                        OAuth2AuthorizedClientRepository clients, StaffWebProperties properties, JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(manager);
        token.setClientRegistrationIdResolver(request -> SecurityConfig.REGISTRATION);
        // A token the provider no longer honours (a restart, a revoked refresh token) is dropped, so the next page signs in again.
        token.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return new ServiceClient(name, builder.clone().baseUrl(base.toString()).requestFactory(requests(properties))
                .requestInterceptor(forwardedAs(publicPrefix)).requestInterceptor(token).build(), json);
    }

    private static JdkClientHttpRequestFactory requests(StaffWebProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(properties.serviceTimeout());
        return requests;
    }

    /**
     * The page's public address (the gateway's, as the forwarded headers told this app) goes on to the service, under the
     * prefix the gateway publishes it with: an iCal link room booking hands out must work from a calendar program outside.
     */
    private static ClientHttpRequestInterceptor forwardedAs(String publicPrefix) {
        return (request, body, execution) -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest page = attributes.getRequest();
                request.getHeaders().set("X-Forwarded-Proto", page.getScheme());
                request.getHeaders().set("X-Forwarded-Host", page.getServerName() + ":" + page.getServerPort());
                request.getHeaders().set("X-Forwarded-Port", String.valueOf(page.getServerPort()));
                request.getHeaders().set("X-Forwarded-Prefix", publicPrefix);
            }
            return execution.execute(request, body);
        };
    }
}
