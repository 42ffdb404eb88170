package dk.bindeled.events.partner.v1;

/** How a partner belongs to a centre: a fixed resident actor, or an ad-hoc actor. */
public enum MembershipRole {
    RESIDENT_ACTOR, AD_HOC_ACTOR
}
