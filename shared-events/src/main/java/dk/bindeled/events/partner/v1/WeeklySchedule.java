package dk.bindeled.events.partner.v1;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A weekly recurring opening of an offer, in local wall-clock time (Europe/Copenhagen). */
public record WeeklySchedule(List<DayOfWeek> byDay, LocalTime opensAt, LocalTime closesAt, LocalDate validFrom, LocalDate validTo) {
}
