package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * The templates' {@code @da}: the services' JSON values (ISO strings, numbers, codes) as Danish text.
 * A value that is missing shows as an empty string, never as "null".
 */
@Component("da")
public class Formats {

    public String time(Object value) {
        return value == null ? "" : DanishText.time(localDateTime(value));
    }

    public String clock(Object value) {
        return value == null ? "" : DanishText.time(LocalTime.parse(value.toString()));
    }

    public String dateTime(Object value) {
        return value == null ? "" : DanishText.dateTime(localDateTime(value));
    }

    public String range(Object start, Object end) {
        return start == null || end == null ? "" : DanishText.timeRange(localDateTime(start), localDateTime(end));
    }

    public String day(Object value) {
        return value == null ? "" : DanishText.day(localDate(value));
    }

    public String longDate(Object value) {
        return value == null ? "" : DanishText.longDate(localDate(value));
    }

    /** "6. december 2026", for a date in a sentence. */
    public String date(Object value) {
        return value == null ? "" : dk.bindeled.events.DanishLabels.longDate(localDate(value));
    }

    public String refAction(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.action(code.toString());
    }

    public String shortDate(Object value) {
        return value == null ? "" : DanishText.shortDate(localDate(value));
    }

    public String number(Object value) {
        return value instanceof Number n ? DanishText.number(n.doubleValue()) : "";
    }

    public String percent(Object value) {
        return value instanceof Number n ? DanishText.percent(n.doubleValue()) : "";
    }

    public String status(Object code) {
        return code == null ? "" : DanishText.status(code.toString());
    }

    public String sector(Object code) {
        return code == null ? "" : DanishText.sector(code.toString());
    }

    public String targetGroup(Object code) {
        return code == null ? "" : DanishText.targetGroup(code.toString());
    }

    public String refStatus(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.status(code.toString());
    }

    public String refStep(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.step(code.toString());
    }

    public String refDetail(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.detail(code.toString());
    }

    public String refField(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.field(code.toString());
    }

    public String refShown(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.shown(code.toString());
    }

    public String contactPreference(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.contact(code.toString());
    }

    public String basis(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.basis(code.toString());
    }

    /** Who read a resident's data: a person's user name, or a status link (shown as such, with the start of its id). */
    public String reader(Object reader) {
        return reader == null ? "" : dk.bindeled.staffweb.domain.ReferralText.reader(reader.toString());
    }

    public String givenBy(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.ReferralText.givenBy(code.toString());
    }

    public String category(Object code) {
        return code == null ? "" : DanishText.resourceCategory(code.toString());
    }

    public String kind(Object code) {
        return code == null ? "" : DanishText.resourceKind(code.toString());
    }

    public String visibility(Object code) {
        return code == null ? "" : DanishText.visibility(code.toString());
    }

    public String weekday(Object code) {
        return code == null ? "" : DanishText.weekday(java.time.DayOfWeek.valueOf(code.toString()));
    }

    static LocalDateTime localDateTime(Object value) {
        String text = value.toString();
        // Offsets (2027-03-02T17:00:00+01:00) are shown in Copenhagen's wall-clock time; local values as they are.
        if (text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
            return OffsetDateTime.parse(text).atZoneSameInstant(DanishText.COPENHAGEN).toLocalDateTime();
        }
        return LocalDateTime.parse(text);
    }

    static LocalDate localDate(Object value) {
        String text = value.toString();
        return text.length() > 10 ? localDateTime(text).toLocalDate() : LocalDate.parse(text);
    }

    // The meeting logbook's codes.

    public String form(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.form(code.toString());
    }

    public String meetingType(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.meetingType(code.toString());
    }

    public String decisionType(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.decisionType(code.toString());
    }

    public String majority(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.majority(code.toString());
    }

    public String phase(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.phase(code.toString());
    }

    public String choice(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.choice(code.toString());
    }

    public String minutesStatus(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.minutesStatus(code.toString());
    }

    public String amendmentStatus(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.amendmentStatus(code.toString());
    }

    public String roomStatus(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.roomStatus(code.toString());
    }

    public String actionStatus(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.actionStatus(code.toString());
    }

    public String history(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.history(code.toString());
    }

    public String warning(Object code) {
        return code == null ? "" : dk.bindeled.staffweb.domain.LogbookText.warning(code.toString());
    }
}
