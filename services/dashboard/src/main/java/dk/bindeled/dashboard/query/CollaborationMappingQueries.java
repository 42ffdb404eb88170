package dk.bindeled.dashboard.query;

import dk.bindeled.dashboard.query.CollaborationMapping.Edge;
import dk.bindeled.dashboard.query.CollaborationMapping.LinkKind;
import dk.bindeled.dashboard.query.CollaborationMapping.Series;
import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.partner.v1.Sector;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the mapping of the collaboration ({@link CollaborationMapping}) for a range of months in one snapshot. A house has
 * tens of collaborations and hundreds of meetings a year: the tables are read once and counted here.
 */
@Component
public class CollaborationMappingQueries {

    /** The longest range one read covers: three years of months. */
    public static final int MAX_MONTHS = 36;

    /** The sector of a partner the registry has not announced. */
    static final String UNKNOWN_SECTOR = "UNKNOWN";
    static final String UNKNOWN_SECTOR_LABEL = "Ikke i aktørregistret";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    public CollaborationMappingQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    private record Collaboration(String id, Instant startedAt) {
    }

    private record FormChange(String collaboration, String form, Instant at) {
    }

    private record Membership(String collaboration, String partner, Instant joinedAt) {
    }

    private record Meeting(String id, String type, Instant startsAt) {
    }

    private record Attendance(String meeting, String partner, int people) {
    }

    private record Partner(String name, String sector) {
    }

    /**
     * The months {@code from} to {@code to}, both included, at most {@link #MAX_MONTHS}, each from its first midnight in
     * {@code zone}. Throws {@link IllegalArgumentException} for a range that is empty or too long.
     */
    public CollaborationMapping mapping(YearMonth from, YearMonth to, ZoneId zone) {
        long count = ChronoUnit.MONTHS.between(from, to) + 1;
        if (count < 1 || count > MAX_MONTHS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " must be 1 to " + MAX_MONTHS + " months, was " + count);
        }
        List<YearMonth> months = Stream.iterate(from, m -> m.plusMonths(1)).limit(count).toList();
        Instant rangeStart = start(from, zone);
        Instant rangeEnd = start(to.plusMonths(1), zone);
        return snapshot.execute(status -> {
            Map<String, Partner> partners = partners();
            List<Collaboration> collaborations = jdbc.sql("SELECT collaboration_id, started_at FROM collaborations WHERE started_at < ?")
                    .param(utc(rangeEnd))
                    .query((rs, n) -> new Collaboration(rs.getString(1), DashboardQueries.instant(rs, 2)))
                    .list();
            List<FormChange> forms = jdbc.sql("SELECT collaboration_id, form, changed_at FROM collaboration_forms WHERE changed_at < ? ORDER BY changed_at, history_id")
                    .param(utc(rangeEnd))
                    .query((rs, n) -> new FormChange(rs.getString(1), rs.getString(2), DashboardQueries.instant(rs, 3)))
                    .list();
            List<Membership> memberships = jdbc.sql("""
                            SELECT p.collaboration_id, p.partner_id, p.joined_at FROM collaboration_partners p
                            JOIN collaborations c ON c.collaboration_id = p.collaboration_id
                            WHERE c.started_at < ? AND p.joined_at < ?""")
                    .params(utc(rangeEnd), utc(rangeEnd))
                    .query((rs, n) -> new Membership(rs.getString(1), rs.getString(2), DashboardQueries.instant(rs, 3)))
                    .list();
            List<Meeting> meetings = jdbc.sql("SELECT meeting_id, meeting_type, starts_at FROM collaboration_meetings WHERE starts_at >= ? AND starts_at < ?")
                    .params(utc(rangeStart), utc(rangeEnd))
                    .query((rs, n) -> new Meeting(rs.getString(1), rs.getString(2), DashboardQueries.instant(rs, 3)))
                    .list();
            List<Attendance> attendance = jdbc.sql("""
                            SELECT a.meeting_id, a.partner_id, a.people FROM meeting_attendance a
                            JOIN collaboration_meetings m ON m.meeting_id = a.meeting_id
                            WHERE m.starts_at >= ? AND m.starts_at < ?""")
                    .params(utc(rangeStart), utc(rangeEnd))
                    .query((rs, n) -> new Attendance(rs.getString(1), rs.getString(2), rs.getInt(3)))
                    .list();

            CollaborationMapping.Collaborations collaborationFigures = collaborations(months, zone, collaborations, forms, memberships, partners);
            Map<String, List<Attendance>> attendanceByMeeting = new HashMap<>();
            attendance.forEach(a -> attendanceByMeeting.computeIfAbsent(a.meeting(), k -> new ArrayList<>()).add(a));
            List<Meeting> held = meetings.stream()
                    .filter(m -> HeldMeeting.held(attendanceByMeeting.getOrDefault(m.id(), List.of()).stream().map(Attendance::people).toList()))
                    .toList();
            CollaborationMapping.Meetings meetingFigures = meetings(months, zone, meetings, held);
            CollaborationMapping.Decisions decisions = decisions(months, zone, rangeStart, rangeEnd);
            CollaborationMapping.Network network = network(memberships, held, attendanceByMeeting, partners, rangeStart, rangeEnd);
            return new CollaborationMapping(from.toString(), to.toString(), months.stream().map(YearMonth::toString).toList(),
                    collaborationFigures, meetingFigures, decisions, actionItems(), network);
        });
    }

    private Map<String, Partner> partners() {
        Map<String, Partner> partners = new HashMap<>();
        jdbc.sql("SELECT partner_id, name, sector FROM partners")
                .query((rs, n) -> partners.put(rs.getString(1), new Partner(rs.getString(2), rs.getString(3))))
                .list();
        return partners;
    }

    private static CollaborationMapping.Collaborations collaborations(List<YearMonth> months, ZoneId zone, List<Collaboration> collaborations,
                                                                      List<FormChange> forms, List<Membership> memberships,
                                                                      Map<String, Partner> partners) {
        int n = months.size();
        long[] total = new long[n];
        long[] started = new long[n];
        Map<String, long[]> byForm = new LinkedHashMap<>();
        Arrays.stream(CollaborationForm.values()).forEach(form -> byForm.put(form.name(), new long[n]));
        Map<String, long[]> bySector = new LinkedHashMap<>();
        Arrays.stream(Sector.values()).forEach(sector -> bySector.put(sector.name(), new long[n]));
        Map<String, List<FormChange>> formsOf = new HashMap<>();
        forms.forEach(f -> formsOf.computeIfAbsent(f.collaboration(), k -> new ArrayList<>()).add(f));
        Map<String, List<Membership>> partnersOf = new HashMap<>();
        memberships.forEach(m -> partnersOf.computeIfAbsent(m.collaboration(), k -> new ArrayList<>()).add(m));

        for (int i = 0; i < n; i++) {
            Instant monthStart = start(months.get(i), zone);
            Instant monthEnd = start(months.get(i).plusMonths(1), zone);
            for (Collaboration collaboration : collaborations) {
                if (!collaboration.startedAt().isBefore(monthEnd)) {
                    continue;
                }
                total[i]++;
                if (!collaboration.startedAt().isBefore(monthStart)) {
                    started[i]++;
                }
                String form = null;
                for (FormChange change : formsOf.getOrDefault(collaboration.id(), List.of())) {
                    if (change.at().isBefore(monthEnd)) {
                        form = change.form();
                    }
                }
                long[] formCounts = form == null ? null : byForm.get(form);
                if (formCounts != null) {
                    formCounts[i]++;
                }
                Set<String> sectors = new HashSet<>();
                for (Membership membership : partnersOf.getOrDefault(collaboration.id(), List.of())) {
                    if (membership.joinedAt().isBefore(monthEnd)) {
                        sectors.add(sectorOf(membership.partner(), partners));
                    }
                }
                for (String sector : sectors) {
                    bySector.computeIfAbsent(sector, k -> new long[n])[i]++;
                }
            }
        }
        return new CollaborationMapping.Collaborations(counts(total), counts(started),
                byForm.entrySet().stream().map(e -> new Series(e.getKey(), DanishLabels.collaborationForm(CollaborationForm.valueOf(e.getKey())),
                        counts(e.getValue()))).toList(),
                bySector.entrySet().stream().map(e -> new Series(e.getKey(), sectorLabel(e.getKey()), counts(e.getValue()))).toList());
    }

    private static CollaborationMapping.Meetings meetings(List<YearMonth> months, ZoneId zone, List<Meeting> meetings, List<Meeting> held) {
        int n = months.size();
        long[] scheduled = new long[n];
        long[] heldCounts = new long[n];
        Map<String, long[]> byType = new LinkedHashMap<>();
        Arrays.stream(MeetingType.values()).forEach(type -> byType.put(type.name(), new long[n]));
        for (Meeting meeting : meetings) {
            scheduled[index(months, meeting.startsAt(), zone)]++;
        }
        for (Meeting meeting : held) {
            int i = index(months, meeting.startsAt(), zone);
            heldCounts[i]++;
            byType.computeIfAbsent(meeting.type(), k -> new long[n])[i]++;
        }
        return new CollaborationMapping.Meetings(counts(scheduled), counts(heldCounts),
                byType.entrySet().stream().map(e -> new Series(e.getKey(), meetingTypeLabel(e.getKey()), counts(e.getValue()))).toList());
    }

    private CollaborationMapping.Decisions decisions(List<YearMonth> months, ZoneId zone, Instant rangeStart, Instant rangeEnd) {
        int n = months.size();
        Map<String, long[]> byType = new LinkedHashMap<>();
        Arrays.stream(DecisionType.values()).forEach(type -> byType.put(type.name(), new long[n]));
        long[] total = new long[1];
        jdbc.sql("SELECT decision_type, recorded_at FROM meeting_decisions WHERE recorded_at >= ? AND recorded_at < ?")
                .params(utc(rangeStart), utc(rangeEnd))
                .query((rs, row) -> {
                    byType.computeIfAbsent(rs.getString(1), k -> new long[n])[index(months, DashboardQueries.instant(rs, 2), zone)]++;
                    total[0]++;
                    return null;
                })
                .list();
        return new CollaborationMapping.Decisions(total[0], byType.entrySet().stream()
                .map(e -> new CollaborationMapping.TypeCount(e.getKey(), decisionTypeLabel(e.getKey()), Arrays.stream(e.getValue()).sum(),
                        counts(e.getValue())))
                .toList());
    }

    private CollaborationMapping.ActionItems actionItems() {
        Map<ActionItemStatus, Long> byStatus = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM action_items GROUP BY status")
                .query((rs, n) -> byStatus.merge(ActionItemStatus.stored(rs.getString(1)), rs.getLong(2), Long::sum))
                .list();
        long overdue = byStatus.getOrDefault(ActionItemStatus.OVERDUE, 0L);
        return new CollaborationMapping.ActionItems(byStatus.getOrDefault(ActionItemStatus.OPEN, 0L) + overdue, overdue,
                byStatus.getOrDefault(ActionItemStatus.COMPLETED, 0L), byStatus.getOrDefault(ActionItemStatus.CANCELLED, 0L));
    }

    private CollaborationMapping.Network network(List<Membership> memberships, List<Meeting> held, Map<String, List<Attendance>> attendanceByMeeting,
                                                 Map<String, Partner> partners, Instant rangeStart, Instant rangeEnd) {
        Map<EdgeKey, Long> weights = new HashMap<>();
        Map<String, Long> collaborationsOf = new TreeMap<>();
        Map<String, Long> meetingsOf = new TreeMap<>();
        Set<String> nodes = new HashSet<>();

        Map<String, List<String>> partnersOf = new TreeMap<>();
        memberships.forEach(m -> partnersOf.computeIfAbsent(m.collaboration(), k -> new ArrayList<>()).add(m.partner()));
        partnersOf.values().forEach(list -> {
            list.forEach(p -> collaborationsOf.merge(p, 1L, Long::sum));
            pairs(list, LinkKind.COLLABORATION, weights);
        });
        for (Meeting meeting : held) {
            List<String> present = attendanceByMeeting.getOrDefault(meeting.id(), List.of()).stream()
                    .filter(a -> HeldMeeting.present(a.people())).map(Attendance::partner).toList();
            present.forEach(p -> meetingsOf.merge(p, 1L, Long::sum));
            pairs(present, LinkKind.MEETING, weights);
        }
        jdbc.sql("""
                        SELECT referrer, recipient, COUNT(*) FROM referral_flow
                        WHERE sent_at >= ? AND sent_at < ? AND referrer <> recipient GROUP BY referrer, recipient""")
                .params(utc(rangeStart), utc(rangeEnd))
                .query((rs, n) -> weights.merge(new EdgeKey(rs.getString(1), rs.getString(2), LinkKind.REFERRAL), rs.getLong(3), Long::sum))
                .list();

        nodes.addAll(collaborationsOf.keySet());
        nodes.addAll(meetingsOf.keySet());
        weights.keySet().forEach(key -> {
            nodes.add(key.a());
            nodes.add(key.b());
        });
        List<CollaborationMapping.Node> nodeList = nodes.stream()
                .map(id -> {
                    Partner partner = partners.get(id);
                    String sector = sectorOf(id, partners);
                    return new CollaborationMapping.Node(id, partner == null ? "aktør " + id : partner.name(), sector, sectorLabel(sector),
                            collaborationsOf.getOrDefault(id, 0L), meetingsOf.getOrDefault(id, 0L));
                })
                .sorted(Comparator.comparing(CollaborationMapping.Node::name).thenComparing(CollaborationMapping.Node::partnerId))
                .toList();
        List<Edge> edges = weights.entrySet().stream()
                .map(e -> new Edge(e.getKey().a(), e.getKey().b(), e.getKey().kind(), e.getValue()))
                .sorted(Comparator.comparingLong(Edge::weight).reversed().thenComparing(Edge::kind).thenComparing(Edge::a).thenComparing(Edge::b))
                .toList();
        return new CollaborationMapping.Network(
                Arrays.stream(LinkKind.values()).map(kind -> new CollaborationMapping.KindLabel(kind, kind.label())).toList(), nodeList, edges);
    }

    private record EdgeKey(String a, String b, LinkKind kind) {
    }

    /** Every unordered pair of different partners in the list, once each, the smaller id as {@code a}. */
    private static void pairs(List<String> partnerIds, LinkKind kind, Map<EdgeKey, Long> weights) {
        List<String> distinct = partnerIds.stream().distinct().sorted().toList();
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                weights.merge(new EdgeKey(distinct.get(i), distinct.get(j), kind), 1L, Long::sum);
            }
        }
    }

    private static String sectorOf(String partnerId, Map<String, Partner> partners) {
        Partner partner = partners.get(partnerId);
        return partner == null || partner.sector() == null ? UNKNOWN_SECTOR : partner.sector();
    }

    private static String sectorLabel(String code) {
        return UNKNOWN_SECTOR.equals(code) ? UNKNOWN_SECTOR_LABEL : DanishLabels.sector(code);
    }

    /** Codes come back as text; one this version does not know is shown as it is. */
    private static String meetingTypeLabel(String code) {
        try {
            return DanishLabels.meetingType(MeetingType.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static String decisionTypeLabel(String code) {
        try {
            return DanishLabels.decisionType(DecisionType.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static int index(List<YearMonth> months, Instant at, ZoneId zone) {
        return (int) ChronoUnit.MONTHS.between(months.get(0), YearMonth.from(at.atZone(zone)));
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<Long> counts(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
