package dk.bindeled.staffweb.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bindeled.staff-web.*}: who signs people in, and where the services are. */
@ConfigurationProperties("bindeled.staff-web")
public record StaffWebProperties(URI issuer, URI providerBackChannel, String clientId, String clientSecret, Services services,
                                 Duration serviceTimeout) {

    /** Where this app itself reaches the provider's token and key endpoints; the issuer unless told otherwise (compose). */
    public URI backChannel() {
        return providerBackChannel != null ? providerBackChannel : issuer;
    }

    public record Services(URI partnerRegistry, URI roomBooking, URI dashboard, URI referrals, URI meetingLogbook) {
    }

    /** Where the gateway publishes each service, so the links a service hands out (iCal feeds) are the gateway's. */
    static final String REGISTRY_PREFIX = "/registry";
    static final String ROOM_BOOKING_PREFIX = "/booking";
    static final String DASHBOARD_PREFIX = "/dashboard";
    static final String REFERRALS_PREFIX = "/referrals";
    static final String LOGBOOK_PREFIX = "/logbook";
}
