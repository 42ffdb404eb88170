package dk.bindeled.ical;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A compact VTIMEZONE (RFC 5545 §3.6.5) for a zone, written from the JVM's own time-zone rules: one STANDARD
 * and one DAYLIGHT observance with the yearly rule in force today (for Europe/Copenhagen: summer time from
 * the last Sunday of March 02:00, winter time from the last Sunday of October 03:00).
 * <p>
 * Not ical4j's bundled definitions: in ical4j 4.2.3 "Europe/Copenhagen" resolves to the tzurl.org file of
 * Europe/Berlin (TZID:Europe/Berlin, every rule since 1893), so the TZID of the events and of the VTIMEZONE
 * would not match, and every feed would carry a few kilobytes of history no booking needs.
 */
public final class VTimeZones {

    private VTimeZones() {
    }

    public static VTimeZone of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<Observance> observances = new ArrayList<>();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(java.time.Instant.EPOCH);
            List<ZoneOffsetTransition> transitions = rules.getTransitions();
            if (!transitions.isEmpty()) {
                offset = transitions.get(transitions.size() - 1).getOffsetAfter();
            }
            observances.add(new Standard(new PropertyList(List.of(
                    new TzName(name(zone, false)),
                    new TzOffsetFrom(offset),
                    new TzOffsetTo(offset),
                    new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0))))));
        } else {
            List<ZoneOffsetTransition> transitions = rules.getTransitions();
            int firstYear = transitions.isEmpty() ? 1970 : transitions.get(transitions.size() - 1).getDateTimeBefore().getYear() + 1;
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition first = rule.createTransition(firstYear);
                boolean summer = first.isGap();
                List<Property> properties = new ArrayList<>(List.of(
                        new TzName(name(zone, summer)),
                        new TzOffsetFrom(first.getOffsetBefore()),
                        new TzOffsetTo(first.getOffsetAfter()),
                        new DtStart<>(first.getDateTimeBefore())));
                String rrule = yearlyRule(rule, firstYear);
                if (rrule != null) {
                    properties.add(new RRule<>(rrule));
                } else {
                    List<LocalDateTime> dates = new ArrayList<>();
                    for (int year = firstYear + 1; year < firstYear + 80; year++) {
                        dates.add(rule.createTransition(year).getDateTimeBefore());
                    }
                    properties.add(new RDate<>(new DateList<>(dates)));
                }
                PropertyList list = new PropertyList(properties);
                observances.add(summer ? new Daylight(list) : new Standard(list));
            }
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    /**
     * The transition dates as an RRULE: the last or n-th weekday of a month, or a weekday within seven days of
     * the month; null when the dates (checked over 28 years, a whole calendar cycle) follow none of these.
     */
    static String yearlyRule(ZoneOffsetTransitionRule rule, int firstYear) {
        List<LocalDate> dates = new ArrayList<>();
        for (int year = firstYear; year < firstYear + 28; year++) {
            dates.add(rule.createTransition(year).getDateTimeBefore().toLocalDate());
        }
        Month month = dates.get(0).getMonth();
        DayOfWeek day = dates.get(0).getDayOfWeek();
        if (dates.stream().anyMatch(d -> d.getMonth() != month || d.getDayOfWeek() != day)) {
            return null;
        }
        String byDay = day.name().substring(0, 2);
        String prefix = "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYDAY=";
        if (dates.stream().allMatch(d -> d.plusWeeks(1).getMonth() != month)) {
            return prefix + "-1" + byDay;
        }
        int ordinal = (dates.get(0).getDayOfMonth() - 1) / 7 + 1;
        if (dates.stream().allMatch(d -> (d.getDayOfMonth() - 1) / 7 + 1 == ordinal)) {
            return prefix + ordinal + byDay;
        }
        int min = dates.stream().mapToInt(LocalDate::getDayOfMonth).min().orElseThrow();
        if (dates.stream().allMatch(d -> d.getDayOfMonth() < min + 7)) {
            StringBuilder days = new StringBuilder();
            for (int d = min; d < min + 7; d++) {
                days.append(days.isEmpty() ? "" : ",").append(d);
            }
            return prefix + byDay + ";BYMONTHDAY=" + days;
        }
        return null;
    }

    private static String name(ZoneId zone, boolean summer) {
        java.util.TimeZone tz = java.util.TimeZone.getTimeZone(zone);
        String name = tz.getDisplayName(summer, java.util.TimeZone.SHORT, Locale.ENGLISH);
        return name == null || name.isBlank() ? zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : name;
    }
}
