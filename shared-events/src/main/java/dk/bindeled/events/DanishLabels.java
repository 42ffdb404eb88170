package dk.bindeled.events;

import dk.bindeled.events.booking.v1.BookingFlagged;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Danish words users know the contract's codes by, in one place so every service's pages and APIs agree (the
 * dashboard, the staff web app), and Danish dates and clock times as they write them.
 */
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

    private static final Map<ResourceCategory, String> RESOURCE_CATEGORIES = new EnumMap<>(Map.of(
            ResourceCategory.ROOM, "Lokale",
            ResourceCategory.KITCHEN, "Køkken",
            ResourceCategory.COPIER, "Kopimaskine",
            ResourceCategory.PROJECTOR, "Projektor",
            ResourceCategory.VAN, "Bil eller varevogn",
            ResourceCategory.EQUIPMENT, "Udstyr",
            ResourceCategory.MONEY, "Midler",
            ResourceCategory.OTHER, "Andet"));

    private static final String[] WEEKDAYS = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] MONTHS = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december"};
    private static final String[] SHORT_MONTHS = {"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.",
            "sep.", "okt.", "nov.", "dec."};

    /** Danish clock time: 09.30 (a full stop, not a colon). */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");

    private DanishLabels() {
    }

    public static String sector(Sector sector) {
        return SECTORS.get(sector);
    }

    public static String targetGroup(TargetGroup group) {
        return TARGET_GROUPS.get(group);
    }

    /** Codes come back from the database as text; an unknown one is shown as it is rather than failing the page. */
    public static String sector(String code) {
        try {
            return sector(Sector.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    public static String targetGroup(String code) {
        try {
            return targetGroup(TargetGroup.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    public static String membership(MembershipRole role) {
        return switch (role) {
            case RESIDENT_ACTOR -> "fast aktør";
            case AD_HOC_ACTOR -> "ad hoc-aktør";
        };
    }

    /** What a partner shares on the delebørs, e.g. "Køkken". */
    public static String resourceCategory(ResourceCategory category) {
        return RESOURCE_CATEGORIES.get(category);
    }

    /** The same from its code; an unknown code as it is. */
    public static String resourceCategory(String code) {
        try {
            return resourceCategory(ResourceCategory.valueOf(code));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return code;
        }
    }

    public static String offerStatus(OfferStatus status) {
        return switch (status) {
            case ACTIVE -> "aktivt";
            case TEMPORARILY_CLOSED -> "midlertidigt lukket";
            case INACTIVE -> "inaktivt";
        };
    }

    public static String resourceKind(ResourceKind kind) {
        return switch (kind) {
            case ROOM -> "Lokale";
            case FACILITY -> "Facilitet";
            case EQUIPMENT -> "Udstyr";
        };
    }

    public static String resourceKind(String code) {
        try {
            return resourceKind(ResourceKind.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    public static String flagReason(BookingFlagged.FlagReason reason) {
        return switch (reason) {
            case PARTNER_DEACTIVATED -> "aktøren er deaktiveret";
            case PARTNER_LEFT_CENTRE -> "aktøren har forladt huset";
        };
    }

    public static String rejectionReason(RejectionReason reason) {
        return switch (reason) {
            case OUTSIDE_PURPOSE -> "Uden for husets formål";
            case ROOM_NEEDED_ELSEWHERE -> "Lokalet skal bruges til andet";
            case ROOM_UNSUITABLE -> "Lokalet egner sig ikke";
            case INCOMPLETE_REQUEST -> "Ansøgningen mangler oplysninger";
            case QUOTA_FAIRNESS -> "Rimelig fordeling af tiderne";
            case OTHER -> "Anden grund";
        };
    }

    public static String refusalReason(RefusalReason reason) {
        return switch (reason) {
            case TIME_TAKEN -> "Lokalet er optaget på det tidspunkt";
            case QUOTA_EXCEEDED -> "Aktøren har brugt sin kvote";
            case NOT_BOOKABLE_THEN -> "Lokalet kan ikke bookes på det tidspunkt (åbningstid, bookingperiode eller lokalets regler)";
            case PARTNER_NOT_ALLOWED -> "Aktøren kan ikke booke i huset";
            case UNKNOWN_RESOURCE -> "Lokalet findes ikke";
            case OTHER -> "Anden grund";
        };
    }

    public static String cancellationReason(CancellationReason reason) {
        return switch (reason) {
            case ORGANISER_CANCELLED -> "Arrangøren har aflyst";
            case ORGANISER_UNAVAILABLE -> "Arrangøren er forhindret";
            case TOO_FEW_PARTICIPANTS -> "For få deltagere";
            case ROOM_UNSUITABLE -> "Lokalet egner sig ikke";
            case ROOM_UNAVAILABLE -> "Lokalet kan ikke bruges";
            case DUPLICATE -> "Booket to gange";
            case OTHER -> "Anden grund";
        };
    }

    public static String visibility(Visibility visibility) {
        return switch (visibility) {
            case PUBLIC -> "Offentlig: titel, arrangør og målgruppe vises";
            case TITLE_ONLY -> "Kun titlen vises";
            case BUSY -> "Kun \"optaget\" vises";
        };
    }

    public static String declineReason(DeclineReason reason) {
        return switch (reason) {
            case NOT_ELIGIBLE -> "Opfylder ikke kriterierne";
            case NO_CAPACITY -> "Ingen ledige pladser";
            case RESIDENT_DECLINED -> "Borgeren sagde nej tak";
            case OTHER -> "Andet";
        };
    }

    public static String referralOutcome(ReferralOutcome outcome) {
        return switch (outcome) {
            case GOT_HELP -> "Fik hjælp";
            case REFERRED_ELSEWHERE -> "Henvist videre";
            case NO_LONGER_INTERESTED -> "Ikke længere interesseret";
            case COULD_NOT_BE_HELPED -> "Kunne ikke hjælpes";
        };
    }

    /** Which deadline a referral passed. */
    public static String overdueKind(OverdueKind kind) {
        return switch (kind) {
            case ANSWER -> "Ikke besvaret i tide";
            case CONTACT -> "Ingen kontakt i tide";
        };
    }

    /** 09.30 */
    public static String collaborationForm(dk.bindeled.events.logbook.v1.CollaborationForm form) {
        return switch (form) {
            case VIDENDELE -> "Videndele";
            case SAMVIRKE -> "Samvirke";
            case RESSOURCEUDVEKSLE -> "Ressourceudveksle";
            case SAMORDNE -> "Samordne";
            case SAMSKABE -> "Samskabe";
        };
    }

    public static String meetingType(dk.bindeled.events.logbook.v1.MeetingType type) {
        return switch (type) {
            case NETWORK -> "Netværksmøde";
            case COORDINATION -> "Koordineringsmøde";
            case CO_CREATION -> "Co-creation-møde";
            case HOUSE_COUNCIL -> "Husrådsmøde";
            case SHARED_MEETING -> "Fællesmøde";
        };
    }

    public static String decisionType(dk.bindeled.events.logbook.v1.DecisionType type) {
        return switch (type) {
            case AGREED_RULE -> "Vedtaget regel";
            case ALLOCATION -> "Fordeling";
            case GOAL_CHANGE -> "Ændrede mål";
            case NEW_INITIATIVE -> "Nyt initiativ";
            case OTHER -> "Andet";
        };
    }

    public static String majority(dk.bindeled.events.logbook.v1.Majority majority) {
        return switch (majority) {
            case SIMPLE -> "Simpelt flertal";
            case TWO_THIRDS -> "To tredjedeles flertal";
            case UNANIMITY -> "Enstemmighed";
        };
    }

    public static String coCreationPhase(dk.bindeled.events.logbook.v1.CoCreationPhase phase) {
        return switch (phase) {
            case START_UP -> "Opstart";
            case OBSERVATIONS_AND_RESEARCH -> "Observationer og research";
            case CO_CREATION_1 -> "Co-creation 1";
            case LOCAL_IDEA_DEVELOPMENT -> "Lokal idéudvikling";
            case CO_CREATION_2 -> "Co-creation 2";
            case PLANNING_AND_EXECUTION -> "Planlægning og udførelse";
            case EVALUATION -> "Evaluering";
            case ANCHORING -> "Forankring";
        };
    }

    public static String clock(LocalTime time) {
        return CLOCK.format(time);
    }

    /** 09.30–11.00 (en dash), in the zone of the given times. */
    public static String timeRange(ZonedDateTime start, ZonedDateTime end) {
        return clock(start.toLocalTime()) + "–" + clock(end.toLocalTime());
    }

    /** tirsdag 24. november */
    public static String day(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1] + " " + date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1];
    }

    /** mandag */
    public static String weekday(java.time.DayOfWeek day) {
        return WEEKDAYS[day.getValue() - 1];
    }

    /** 24. nov. */
    public static String shortDate(LocalDate date) {
        return date.getDayOfMonth() + ". " + SHORT_MONTHS[date.getMonthValue() - 1];
    }

    /** 24. november 2026 */
    public static String longDate(LocalDate date) {
        return date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }
}
