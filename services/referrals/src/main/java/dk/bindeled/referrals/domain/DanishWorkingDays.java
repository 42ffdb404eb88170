package dk.bindeled.referrals.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in Denmark: Monday to Friday except the public holidays (helligdage) — New Year's Day, Maundy Thursday,
 * Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day — and, by
 * the common practice of public offices, Constitution Day (5 June) and Christmas Eve. Great Prayer Day is not a holiday
 * from 2024 (lov nr. 125 af 28. februar 2023).
 */
public final class DanishWorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 25),
            MonthDay.of(12, 26));

    private DanishWorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    /** The date {@code days} working days after {@code from} (from itself not counted). */
    public static LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** The year's days off that fall on weekdays or weekends alike. */
    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        FIXED.forEach(day -> days.add(day.atYear(year)));
        LocalDate easter = easterSunday(year);
        for (int offset : new int[] {-3, -2, 0, 1, 39, 49, 50}) {
            days.add(easter.plusDays(offset));
        }
        return days;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, as in Meeus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
