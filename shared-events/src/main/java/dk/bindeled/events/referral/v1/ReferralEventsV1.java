package dk.bindeled.events.referral.v1;

import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventType;
import dk.bindeled.events.Topics;
import java.net.URI;
import java.util.List;

/** The catalogue of {@code bindeled.referral.v1}: every type, its {@code ce_type} and its schema. */
public final class ReferralEventsV1 {

    public static final String DOMAIN = "referral";
    public static final URI SOURCE = URI.create("/bindeled/referrals");

    public static final EventCatalog CATALOG = new EventCatalog(Topics.REFERRAL_V1, List.of(
            type(ReferralSent.class),
            type(ReferralAccepted.class),
            type(ReferralDeclined.class),
            type(ReferralForwarded.class),
            type(ReferralContactMade.class),
            type(ReferralContactFailed.class),
            type(ReferralCompleted.class),
            type(ReferralWithdrawn.class),
            type(ReferralEnteredInError.class),
            type(ReferralOverdue.class),
            type(ReferralConsentRevoked.class)));

    private ReferralEventsV1() {
    }

    private static EventType<?> type(Class<? extends ReferralEvent> javaType) {
        return EventType.of(DOMAIN, 1, javaType);
    }
}
