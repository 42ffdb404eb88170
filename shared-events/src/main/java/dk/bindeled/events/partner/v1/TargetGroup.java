package dk.bindeled.events.partner.v1;

/** Target groups (målgrupper) named in the research behind Bindeled. */
public enum TargetGroup {
    ALL_RESIDENTS,
    CHILDREN,
    YOUNG_PEOPLE,
    MARGINALISED_YOUNG_PEOPLE,
    VULNERABLE_FAMILIES_WITH_CHILDREN,
    YOUNG_MOTHERS,
    ADULTS,
    MEN,
    WOMEN,
    SENIORS,
    REFUGEES_AND_ASYLUM_SEEKERS,
    ETHNIC_MINORITIES,
    UNEMPLOYED,
    PEOPLE_WITH_DISABILITIES,
    VOLUNTEERS
}
