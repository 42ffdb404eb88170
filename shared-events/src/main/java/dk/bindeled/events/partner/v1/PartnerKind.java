package dk.bindeled.events.partner.v1;

/** What kind of actor a partner is. */
public enum PartnerKind {
    MUNICIPAL_DEPARTMENT,
    HOUSING_ASSOCIATION,
    COMPREHENSIVE_HOUSING_SOCIAL_PLAN,
    LIBRARY,
    ASSOCIATION,
    NGO,
    SOCIAL_ECONOMY_BUSINESS,
    CLINIC,
    PRIVATE_BUSINESS,
    INFORMAL_GROUP,
    OTHER
}
