package dk.bindeled.booking.query;

import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.domain.PeakTime;
import dk.bindeled.booking.query.CalendarQueries.CentreInfo;
import dk.bindeled.booking.query.Views.FairnessPeriod;
import dk.bindeled.booking.query.Views.FairnessReport;
import dk.bindeled.booking.query.Views.PartnerHours;
import dk.bindeled.booking.query.Views.SectorHours;
import dk.bindeled.events.IsoWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Equal access in numbers: how the confirmed hours of a centre's resources are spread over partners and
 * sectors, per ISO week or month, and how much of them falls in the centre's peak hours. A booking counts
 * in the period of the local date it starts on (as quotas count it); cancelled, rejected, requested and offered
 * bookings do not count.
 */
@Service
@Transactional(readOnly = true)
public class FairnessReports {

    public enum Grouping {
        WEEK, MONTH
    }

    private record Hours(String partnerId, String name, String sector, LocalDate date, long minutes, long peakMinutes) {
    }

    private final CalendarQueries queries;
    private final JdbcClient jdbc;

    public FairnessReports(CalendarQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    public FairnessReport report(String centreId, LocalDate from, LocalDate to, Grouping by) {
        // Bad input is a 400 whether or not the centre is known (yet: the projection may still be catching up).
        // A year in weeks is plenty to read; the bound is the one every range shares.
        QueryWindow.range(from, to, "from", "to");
        CentreInfo centre = queries.requireCentre(centreId);
        List<TimeWindow> peak = centre.peakHours();
        PeakTime peakTime = centre.peakTime();
        List<Hours> rows = jdbc.sql("""
                SELECT b.partner_id, p.name, p.sector, b.starts_at, b.ends_at, b.local_start, b.local_end
                FROM cal_booking b LEFT JOIN partner_replica p ON p.partner_id = b.partner_id
                WHERE b.centre_id = ? AND b.status = 'CONFIRMED' AND b.local_start >= ? AND b.local_start < ?""")
                .params(centreId, from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .query((rs, n) -> {
                    OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
                    OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
                    LocalDateTime localStart = rs.getObject("local_start", LocalDateTime.class);
                    LocalDateTime localEnd = rs.getObject("local_end", LocalDateTime.class);
                    long minutes = Duration.between(start, end).toMinutes();
                    return new Hours(rs.getString("partner_id"), rs.getString("name"),
                            rs.getString("sector") == null ? "UNKNOWN" : rs.getString("sector"), localStart.toLocalDate(), minutes,
                            peakTime.minutesIn(localStart, localEnd, minutes));
                })
                .list();

        Map<String, LocalDate[]> periods = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String key = key(day, by);
            LocalDate[] span = periods.computeIfAbsent(key, k -> new LocalDate[2]);
            if (span[0] == null) {
                span[0] = day;
            }
            span[1] = day;
        }
        Map<String, List<Hours>> byPeriod = new LinkedHashMap<>();
        periods.keySet().forEach(k -> byPeriod.put(k, new ArrayList<>()));
        rows.forEach(h -> byPeriod.get(key(h.date(), by)).add(h));
        List<FairnessPeriod> result = new ArrayList<>();
        byPeriod.forEach((key, hours) -> result.add(period(key, periods.get(key)[0], periods.get(key)[1], hours)));
        return new FairnessReport(centreId, from, to, by.name().toLowerCase(java.util.Locale.ROOT), peak, result,
                period("total", from, to, rows));
    }

    private static FairnessPeriod period(String label, LocalDate from, LocalDate to, List<Hours> hours) {
        long total = hours.stream().mapToLong(Hours::minutes).sum();
        long peak = hours.stream().mapToLong(Hours::peakMinutes).sum();
        Map<String, long[]> partners = new TreeMap<>();
        Map<String, Hours> names = new TreeMap<>();
        Map<String, Long> sectors = new TreeMap<>();
        for (Hours h : hours) {
            long[] sums = partners.computeIfAbsent(h.partnerId(), k -> new long[2]);
            sums[0] += h.minutes();
            sums[1] += h.peakMinutes();
            names.putIfAbsent(h.partnerId(), h);
            sectors.merge(h.sector(), h.minutes(), Long::sum);
        }
        List<PartnerHours> partnerHours = partners.entrySet().stream()
                .map(e -> new PartnerHours(e.getKey(), names.get(e.getKey()).name(), names.get(e.getKey()).sector(),
                        hours(e.getValue()[0]), hours(e.getValue()[1]), share(e.getValue()[0], total)))
                .sorted(Comparator.comparingDouble(PartnerHours::hours).reversed().thenComparing(PartnerHours::partnerId))
                .toList();
        List<SectorHours> sectorHours = sectors.entrySet().stream()
                .map(e -> new SectorHours(e.getKey(), hours(e.getValue()), share(e.getValue(), total)))
                .sorted(Comparator.comparingDouble(SectorHours::hours).reversed().thenComparing(SectorHours::sector))
                .toList();
        return new FairnessPeriod(label, from, to, hours(total), hours(peak), hours(total - peak), share(peak, total),
                partnerHours, sectorHours);
    }

    static String key(LocalDate date, Grouping by) {
        if (by == Grouping.MONTH) {
            return String.format("%d-%02d", date.getYear(), date.getMonthValue());
        }
        return IsoWeek.keyOf(date);
    }

    private static double hours(long minutes) {
        return Math.round(minutes / 60.0 * 100) / 100.0;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
