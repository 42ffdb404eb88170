package dk.bindeled.dashboard.query;

import java.time.LocalDate;
import java.util.List;

/**
 * How much of a week a centre's resources were booked, measured against the centre's opening hours.
 *
 * @param centreId   the centre
 * @param centreName its name
 * @param week       the ISO week, e.g. "2026-W48"
 * @param weekNumber the week's number, e.g. 48
 * @param firstDay   its Monday
 * @param lastDay    its Sunday
 * @param label      the week in Danish, e.g. "uge 48 (23.–29. november 2026)"
 * @param previousWeek the week before, e.g. "2026-W47"
 * @param nextWeek   the week after, e.g. "2026-W49"
 * @param openHours  hours the centre is open that week, from its opening hours (daylight saving included)
 * @param resources  every resource of the centre, by name
 */
public record Utilisation(String centreId,
                          String centreName,
                          String week,
                          int weekNumber,
                          LocalDate firstDay,
                          LocalDate lastDay,
                          String label,
                          String previousWeek,
                          String nextWeek,
                          double openHours,
                          List<ResourceUse> resources) {

    /**
     * @param resourceId         the resource
     * @param name               its name (its id while its definition has not arrived)
     * @param kind               ROOM, FACILITY or EQUIPMENT; null while not known
     * @param kindLabel          the kind in Danish
     * @param bookedHours        hours of confirmed bookings within the week (no deductions), two decimals
     * @param openHours          the centre's open hours that week
     * @param utilisationPercent booked hours as a percentage of the open hours, one decimal; null when the centre
     *                           has no opening hours that week. Above 100 when booked outside opening hours.
     */
    public record ResourceUse(String resourceId, String name, String kind, String kindLabel, double bookedHours, double openHours,
                              Double utilisationPercent) {
    }
}
