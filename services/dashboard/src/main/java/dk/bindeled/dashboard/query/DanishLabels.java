package dk.bindeled.dashboard.query;

import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.util.EnumMap;
import java.util.Map;

/** The Danish words users know the contract's codes by, in one place so the API and the page agree. */
public final class DanishLabels {

    private static final Map<Sector, String> SECTORS = new EnumMap<>(Map.of(
            Sector.PUBLIC, "Offentlig",
            Sector.PRIVATE, "Privat",
            Sector.THIRD_SECTOR, "Civilsamfund (tredje sektor)",
            Sector.INFORMAL, "Uformel"));

    private static final Map<TargetGroup, String> TARGET_GROUPS = new EnumMap<>(TargetGroup.class);

    static {
        TARGET_GROUPS.put(TargetGroup.ALL_RESIDENTS, "Alle beboere");
        TARGET_GROUPS.put(TargetGroup.CHILDREN, "Børn");
        TARGET_GROUPS.put(TargetGroup.YOUNG_PEOPLE, "Unge");
        TARGET_GROUPS.put(TargetGroup.MARGINALISED_YOUNG_PEOPLE, "Udsatte unge");
        TARGET_GROUPS.put(TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN, "Udsatte børnefamilier");
        TARGET_GROUPS.put(TargetGroup.YOUNG_MOTHERS, "Unge mødre");
        TARGET_GROUPS.put(TargetGroup.ADULTS, "Voksne");
        TARGET_GROUPS.put(TargetGroup.MEN, "Mænd");
        TARGET_GROUPS.put(TargetGroup.WOMEN, "Kvinder");
        TARGET_GROUPS.put(TargetGroup.SENIORS, "Seniorer");
        TARGET_GROUPS.put(TargetGroup.REFUGEES_AND_ASYLUM_SEEKERS, "Flygtninge og asylansøgere");
        TARGET_GROUPS.put(TargetGroup.ETHNIC_MINORITIES, "Etniske minoriteter");
        TARGET_GROUPS.put(TargetGroup.UNEMPLOYED, "Ledige");
        TARGET_GROUPS.put(TargetGroup.PEOPLE_WITH_DISABILITIES, "Mennesker med handicap");
        TARGET_GROUPS.put(TargetGroup.VOLUNTEERS, "Frivillige");
    }

    private DanishLabels() {
    }

    public static String sector(Sector sector) {
        return SECTORS.get(sector);
    }

    public static String targetGroup(TargetGroup group) {
        return TARGET_GROUPS.get(group);
    }

    /** Codes come back from the database as text; an unknown one is shown as it is rather than failing the page. */
    static String sector(String code) {
        try {
            return sector(Sector.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    static String targetGroup(String code) {
        try {
            return targetGroup(TargetGroup.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    static String membership(MembershipRole role) {
        return switch (role) {
            case RESIDENT_ACTOR -> "fast aktør";
            case AD_HOC_ACTOR -> "ad hoc-aktør";
        };
    }

    static String offerStatus(OfferStatus status) {
        return switch (status) {
            case ACTIVE -> "aktivt";
            case TEMPORARILY_CLOSED -> "midlertidigt lukket";
            case INACTIVE -> "inaktivt";
        };
    }
}
