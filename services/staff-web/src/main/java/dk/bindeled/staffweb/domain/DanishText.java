package dk.bindeled.staffweb.domain;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pages' Danish: the contract's codes through {@link DanishLabels} (the words the dashboard uses too), and what only
 * the web app says — its statuses, roles, numbers ("1.234,5") and dates with the weekday.
 */
public final class DanishText {

    public static final Locale DA = Locale.forLanguageTag("da-DK");
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static final Map<String, String> STATUS = Map.of(
            "CONFIRMED", "Bekræftet", "REQUESTED", "Afventer godkendelse", "REJECTED", "Afvist", "CANCELLED", "Aflyst",
            "LAPSED", "Udløbet", "OFFERED", "Tilbudt fra ventelisten", "WAITING", "På venteliste", "DECLINED", "Afslået",
            "ACCEPTED", "Taget imod");
    private static final Map<String, String> ROLES = Map.of(
            "admin", "administrator", "centre-manager", "husleder", "centre-staff", "medarbejder i huset",
            "caseworker", "sagsbehandler", "partner-admin", "administrator for organisationen",
            "partner-member", "medlem af organisationen", "coordinator", "koordinator", "viewer", "læseadgang");

    private DanishText() {
    }

    /** Torsdag 3. december 2026 */
    public static String longDate(LocalDate date) {
        String day = DanishLabels.day(date);
        return Character.toUpperCase(day.charAt(0)) + day.substring(1) + " " + date.getYear();
    }

    /** torsdag 3. december */
    public static String day(LocalDate date) {
        return DanishLabels.day(date);
    }

    /** 3. dec. */
    public static String shortDate(LocalDate date) {
        return DanishLabels.shortDate(date);
    }

    public static String time(LocalTime time) {
        return DanishLabels.clock(time);
    }

    public static String time(LocalDateTime time) {
        return DanishLabels.clock(time.toLocalTime());
    }

    /** torsdag 3. december kl. 14.00 */
    public static String dateTime(LocalDateTime time) {
        return DanishLabels.day(time.toLocalDate()) + " kl. " + DanishLabels.clock(time.toLocalTime());
    }

    public static String dateTime(OffsetDateTime time) {
        return dateTime(time.atZoneSameInstant(COPENHAGEN).toLocalDateTime());
    }

    /** 14.00–16.00 */
    public static String timeRange(LocalDateTime start, LocalDateTime end) {
        return time(start) + "–" + time(end);
    }

    public static String weekday(DayOfWeek day) {
        return DanishLabels.weekday(day);
    }

    /** 12,5 — a decimal comma and a thousands dot. */
    public static String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(DA);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public static String percent(double fraction) {
        return number(fraction * 100) + " %";
    }

    public static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    public static String roles(Collection<String> roles) {
        return roles.stream().sorted().map(r -> ROLES.getOrDefault(r, r)).collect(Collectors.joining(", "));
    }

    public static String sector(String code) {
        return DanishLabels.sector(code);
    }

    public static String targetGroup(String code) {
        return DanishLabels.targetGroup(code);
    }

    public static String resourceKind(String code) {
        return DanishLabels.resourceKind(code);
    }

    public static String visibility(String code) {
        return label(Visibility.class, code, DanishLabels::visibility);
    }

    public static Map<String, String> sectors() {
        return labels(Sector.values(), DanishLabels::sector);
    }

    public static Map<String, String> targetGroups() {
        return labels(TargetGroup.values(), DanishLabels::targetGroup);
    }

    public static Map<String, String> resourceCategories() {
        return labels(ResourceCategory.values(), DanishLabels::resourceCategory);
    }

    public static String resourceCategory(String code) {
        return DanishLabels.resourceCategory(code);
    }

    public static Map<String, String> visibilities() {
        return labels(Visibility.values(), DanishLabels::visibility);
    }

    public static Map<String, String> rejectionReasons() {
        return labels(RejectionReason.values(), DanishLabels::rejectionReason);
    }

    public static Map<String, String> cancellationReasons() {
        return labels(CancellationReason.values(), DanishLabels::cancellationReason);
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, label, (a, b) -> a, LinkedHashMap::new));
    }

    private static <E extends Enum<E>> String label(Class<E> type, String code, Function<E, String> label) {
        try {
            return label.apply(Enum.valueOf(type, code));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return code;
        }
    }
}
