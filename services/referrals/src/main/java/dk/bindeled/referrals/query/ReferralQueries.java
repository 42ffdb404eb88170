package dk.bindeled.referrals.query;

import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.ConsentPolicy;
import dk.bindeled.referrals.domain.NotFoundException;
import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.domain.ReferralLifecycle;
import dk.bindeled.referrals.domain.ReferralLifecycle.Side;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import dk.bindeled.referrals.query.Views.ConsentView;
import dk.bindeled.referrals.query.Views.ErasureView;
import dk.bindeled.referrals.query.Views.ReadView;
import dk.bindeled.referrals.query.Views.ReferralSummary;
import dk.bindeled.referrals.query.Views.ReferralView;
import dk.bindeled.referrals.query.Views.ResidentExport;
import dk.bindeled.referrals.query.Views.Statistics;
import dk.bindeled.referrals.query.Views.StepView;
import dk.bindeled.referrals.query.Views.PublicStatus;
import dk.bindeled.referrals.query.Views.PublicStep;
import dk.bindeled.referrals.query.Views.StatusLinkView;
import dk.bindeled.referrals.domain.StatusLinkPolicy;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads referrals for one reader, the organisation in the token. A referral is seen by its two organisations and no one
 * else (404, as if it did not exist); the recipient sees nothing before it is sent, and the resident's data only while the
 * consent holds — checked on every read, not only at sending. Every read that shows personal data is logged for the
 * resident's export.
 */
@Component
public class ReferralQueries {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** Who reads: the token's subject and organisation (null: none, which sees no referral). */
    public record Reader(String subject, String org) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataSeal seal;
    private final Clock clock;

    public ReferralQueries(JdbcClient jdbc, PersonalDataSeal seal, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
    }

    /** {@code box} sent or received; {@code status} one status or null for all; overdue first, then open, newest first. */
    public List<ReferralSummary> box(Reader reader, boolean sent, Status status) {
        if (reader.org() == null) {
            return List.of();
        }
        String side = sent ? "referrer" : "recipient";
        String sql = "SELECT * FROM referrals WHERE " + side + " = ?" + (sent ? "" : " AND sent_at IS NOT NULL")
                + (status == null ? "" : " AND status = ?")
                + " ORDER BY CASE WHEN overdue IS NOT NULL THEN 0 WHEN closed_at IS NULL THEN 1 ELSE 2 END, updated_at DESC, referral_id";
        JdbcClient.StatementSpec query = jdbc.sql(sql).param(reader.org());
        if (status != null) {
            query = query.param(status.name());
        }
        return query.query((rs, row) -> new ReferralSummary(rs.getString("referral_id"), rs.getString("resident_id"),
                        sent ? Side.REFERRER : Side.RECIPIENT, rs.getString("referrer"), rs.getString("recipient"), rs.getString("offer_id"),
                        rs.getString("target_group"), rs.getString("status"), rs.getString("overdue"), time(rs, "sent_at"), time(rs, "updated_at")))
                .list();
    }

    /** The referral as this reader may see it; 404 for anyone not on one of its sides. */
    public ReferralView referral(Reader reader, String referralId) {
        Row row = row(referralId).orElseThrow(() -> notFound(referralId));
        Side side = side(reader, row).orElseThrow(() -> notFound(referralId));
        return view(reader, row, side, true);
    }

    /** Who a referral is between and the reader's side, without reading (or logging) any personal data. */
    public record Sides(String residentId, String referrer, String recipient, Side side) {
    }

    /** The referral's sides, when the reader is on one (a recipient only once it is sent); empty otherwise. */
    public Optional<Sides> sides(Reader reader, String referralId) {
        return row(referralId).flatMap(row -> side(reader, row).map(side -> new Sides(row.residentId, row.referrer, row.recipient, side)));
    }

    /** The referrer's own record of the resident, for sealing the consented part for the recipient; not logged as a read. */
    public Optional<PersonalData> residentRecord(String residentId, String controller) {
        return jdbc.sql("SELECT data FROM residents WHERE resident_id = ? AND controller = ?")
                .params(residentId, controller)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .filter(data -> data != null)
                .flatMap(data -> seal.open(residentId, new Sealed(controller, data)));
    }

    /** The resident of a referral, and the fields of its valid consent today; empty when none holds. */
    public Optional<Map.Entry<String, List<PersonalData.Field>>> consentedFields(String referralId) {
        Row row = row(referralId).orElseThrow(() -> notFound(referralId));
        List<ConsentView> consents = consents(referralId, today());
        return consents.stream().filter(ConsentView::validToday).reduce((a, b) -> b)
                .map(c -> Map.entry(row.residentId, c.sharedData()));
    }

    /** Whether this organisation holds a record of the resident (registered it). */
    public boolean holdsResident(String residentId, String org) {
        return org != null && jdbc.sql("SELECT COUNT(*) FROM residents WHERE resident_id = ? AND controller = ?").params(residentId, org)
                .query(Long.class).single() > 0;
    }

    /**
     * Everything this controller holds of the resident (GDPR art. 15): its record, the referrals it is a side of, who read
     * the resident's data and what was decided on erasure. 404 for an organisation that holds nothing of the resident.
     */
    public ResidentExport export(Reader reader, String residentId) {
        boolean registered = holdsResident(residentId, reader.org());
        List<Row> rows = jdbc.sql("SELECT * FROM referrals WHERE resident_id = ? AND (referrer = ? OR (recipient = ? AND sent_at IS NOT NULL)) ORDER BY drafted_at")
                .params(residentId, reader.org(), reader.org())
                .query(ReferralQueries::row).list();
        if (!registered && rows.isEmpty()) {
            throw new NotFoundException("No resident " + residentId);
        }
        Optional<PersonalData> data = residentRecord(residentId, reader.org());
        if (data.isPresent()) {
            log(residentId, null, reader, data.get());
        }
        boolean forgotten = jdbc.sql("SELECT COUNT(*) FROM residents WHERE resident_id = ? AND controller = ? AND forgotten_at IS NOT NULL")
                .params(residentId, reader.org()).query(Long.class).single() > 0;
        List<ReferralView> referrals = rows.stream().map(row -> view(reader, row, side(reader, row).orElseThrow(), true)).toList();
        List<ReadView> reads = jdbc.sql("SELECT referral_id, reader, reader_org, fields, read_at FROM personal_data_reads WHERE resident_id = ? ORDER BY read_at, read_id")
                .param(residentId)
                .query((rs, n) -> new ReadView(rs.getString("referral_id"), rs.getString("reader"), rs.getString("reader_org"),
                        rs.getString("fields"), time(rs, "read_at")))
                .list();
        List<ErasureView> erasures = jdbc.sql("SELECT controller, decision, legal_basis, decided_by, decided_at FROM erasure_decisions WHERE resident_id = ? ORDER BY decided_at")
                .param(residentId)
                .query((rs, n) -> new ErasureView(rs.getString("controller"), rs.getString("decision"), rs.getString("legal_basis"),
                        rs.getString("decided_by"), time(rs, "decided_at")))
                .list();
        return new ResidentExport(residentId, reader.org(), data.orElse(null), forgotten, referrals, reads, erasures);
    }

    /** Counts of every referral sent, by status and target group: no ids, no personal data. */
    public Statistics statistics() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Arrays.stream(Status.values()).filter(s -> s != Status.DRAFT).forEach(s -> byStatus.put(s.name(), 0L));
        jdbc.sql("SELECT status, COUNT(*) AS n FROM referrals WHERE sent_at IS NOT NULL GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        Map<String, Long> byTargetGroup = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(target_group, 'NONE') AS g, COUNT(*) AS n FROM referrals WHERE sent_at IS NOT NULL GROUP BY COALESCE(target_group, 'NONE') ORDER BY g")
                .query((rs, n) -> Map.entry(rs.getString("g"), rs.getLong("n"))).list()
                .forEach(e -> byTargetGroup.put(e.getKey(), e.getValue()));
        return new Statistics(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus, byTargetGroup);
    }

    private ReferralView view(Reader reader, Row row, Side side, boolean logRead) {
        LocalDate today = today();
        List<ConsentView> consents = consents(row.id, today);
        PersonalData resident = null;
        String shown;
        if (side == Side.REFERRER) {
            Optional<PersonalData> own = residentRecord(row.residentId, row.referrer);
            resident = own.orElse(null);
            shown = own.isPresent() ? "SHOWN" : "FORGOTTEN";
        } else {
            Optional<ConsentView> consent = consents.stream().filter(c -> c.consentId().equals(row.consentId)).findFirst();
            if (consent.isEmpty() || !consent.get().validToday()) {
                shown = "CONSENT_NOT_VALID";
            } else if (row.sharedData == null) {
                shown = "FORGOTTEN";
            } else {
                Optional<PersonalData> shared = seal.open(row.residentId, new Sealed(row.recipient, row.sharedData));
                resident = shared.map(d -> d.only(consent.get().sharedData())).orElse(null);
                shown = resident != null ? "SHOWN" : "FORGOTTEN";
            }
        }
        if (resident != null && logRead) {
            log(row.residentId, row.id, reader, resident);
        }
        List<StepView> timeline = jdbc.sql("SELECT seq, step, detail, actor, at, note_controller, note FROM referral_steps WHERE referral_id = ? ORDER BY seq")
                .param(row.id)
                .query((rs, n) -> {
                    String controller = rs.getString("note_controller");
                    String note = rs.getString("note");
                    String open = note != null && controller != null && controller.equals(reader.org())
                            ? seal.openNote(row.residentId, new Sealed(controller, note)).orElse(null) : null;
                    return new StepView(rs.getLong("seq"), rs.getString("step"), rs.getString("detail"), rs.getString("actor"),
                            time(rs, "at"), open, note != null);
                })
                .list();
        Status status = Status.valueOf(row.status);
        return new ReferralView(row.id, row.residentId, side, row.referrer, row.recipient, row.offerId, row.targetGroup, row.status,
                ReferralLifecycle.available(status, side), resident, shown, consents, timeline, row.draftedAt, row.sentAt, row.answeredAt,
                row.firstContactAt, row.closedAt, side == Side.REFERRER ? row.capacityOverride : null, row.overdue, row.overdueSince,
                statusLinks(reader, row));
    }

    private List<StatusLinkView> statusLinks(Reader reader, Row row) {
        Instant now = clock.instant();
        Status status = Status.valueOf(row.status);
        return jdbc.sql("SELECT * FROM status_links WHERE referral_id = ? ORDER BY issued_at, link_id")
                .param(row.id)
                .query((rs, n) -> {
                    String issuer = rs.getString("issuer");
                    String label = rs.getString("label");
                    String open = label != null && issuer.equals(reader.org()) ? seal.openNote(row.residentId, new Sealed(issuer, label)).orElse(null) : null;
                    OffsetDateTime expiresAt = time(rs, "expires_at");
                    OffsetDateTime revokedAt = time(rs, "revoked_at");
                    return new StatusLinkView(rs.getString("link_id"), issuer, rs.getString("issued_by"), open, label != null,
                            rs.getBoolean("shows_personal_data"), time(rs, "issued_at"), expiresAt, revokedAt,
                            StatusLinkPolicy.usable(revokedAt != null, expiresAt.toInstant(), status, now), rs.getInt("opened"), time(rs, "last_opened_at"));
                })
                .list();
    }

    /**
     * The referral behind a status link's token, for anyone holding the address. A token that is unknown, revoked or expired,
     * or whose referral was entered in error, is not found — the same answer for each, so a guess learns nothing. The
     * resident's data is shown as the recipient sees it (the consent checked now) and only on a link issued to show it; that
     * read is logged under the link, with the issuing organisation.
     */
    public PublicStatus publicStatus(String token) {
        NotFoundException none = new NotFoundException("No status link with this address: it may have expired or been revoked");
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw none;
        }
        record Link(String linkId, String referralId, String issuer, boolean showsPersonalData, OffsetDateTime expiresAt, boolean revoked) {
        }
        Link link = jdbc.sql("SELECT link_id, referral_id, issuer, shows_personal_data, expires_at, revoked_at FROM status_links WHERE token_hash = ?")
                .param(StatusLinkPolicy.hash(token))
                .query((rs, n) -> new Link(rs.getString("link_id"), rs.getString("referral_id"), rs.getString("issuer"), rs.getBoolean("shows_personal_data"),
                        time(rs, "expires_at"), rs.getTimestamp("revoked_at") != null))
                .optional().orElseThrow(() -> none);
        Row row = row(link.referralId()).orElseThrow(() -> none);
        Instant now = clock.instant();
        if (!StatusLinkPolicy.usable(link.revoked(), link.expiresAt().toInstant(), Status.valueOf(row.status), now)) {
            throw none;
        }
        jdbc.sql("UPDATE status_links SET opened = opened + 1, last_opened_at = ? WHERE link_id = ?").params(OffsetDateTime.now(clock), link.linkId()).update();
        ReferralView seen = view(new Reader("status-link:" + link.linkId(), link.issuer()), row, Side.RECIPIENT, link.showsPersonalData());
        PersonalData resident = link.showsPersonalData() ? seen.resident() : null;
        String shown = link.showsPersonalData() ? seen.residentShown() : "NOT_ON_THIS_LINK";
        List<PublicStep> timeline = seen.timeline().stream()
                .filter(step -> !step.step().startsWith("STATUS_LINK_"))
                .map(step -> new PublicStep(step.step(), step.step().equals("FORWARDED") ? null : step.detail(), step.at()))
                .toList();
        return new PublicStatus(row.id, offerTitle(row.offerId), partnerName(row.referrer), partnerName(row.recipient), row.status, row.overdue,
                row.sentAt, row.closedAt, timeline, resident, shown, link.expiresAt());
    }

    /** When a status link expires, read without opening the referral (so no read of personal data is logged for it). */
    public Optional<Instant> statusLinkExpiry(String linkId) {
        return jdbc.sql("SELECT expires_at FROM status_links WHERE link_id = ?").param(linkId)
                .query((rs, n) -> time(rs, "expires_at").toInstant()).optional();
    }

    private String offerTitle(String offerId) {
        return jdbc.sql("SELECT title FROM offer_replica WHERE offer_id = ?").param(offerId).query(String.class).optional().orElse(offerId);
    }

    private String partnerName(String partnerId) {
        return jdbc.sql("SELECT name FROM partner_replica WHERE partner_id = ?").param(partnerId).query(String.class).optional().orElse(null);
    }

    private List<ConsentView> consents(String referralId, LocalDate today) {
        return jdbc.sql("SELECT * FROM consents WHERE referral_id = ? ORDER BY given_on, consent_id")
                .param(referralId)
                .query((rs, n) -> {
                    List<PersonalData.Field> fields = Arrays.stream(rs.getString("shared_data").split(",")).map(PersonalData.Field::valueOf).toList();
                    Consent consent = new Consent(rs.getString("consent_id"), rs.getString("purpose"), rs.getString("recipient"), fields,
                            Consent.LegalBasis.valueOf(rs.getString("basis")), rs.getString("provision"), Consent.GivenBy.valueOf(rs.getString("given_by")),
                            rs.getString("recorded_by"), rs.getObject("given_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class));
                    OffsetDateTime revokedAt = time(rs, "revoked_at");
                    return new ConsentView(consent.consentId(), consent.purpose(), consent.recipient(), fields, consent.basis().name(),
                            consent.provision(), consent.givenBy().name(), consent.recordedBy(), consent.givenOn(), consent.expiresOn(), revokedAt,
                            ConsentPolicy.allows(consent, revokedAt != null, rs.getString("recipient"), today));
                })
                .list();
    }

    private void log(String residentId, String referralId, Reader reader, PersonalData shown) {
        jdbc.sql("INSERT INTO personal_data_reads (resident_id, referral_id, reader, reader_org, fields, read_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(residentId, referralId, reader.subject() == null ? "anonymous" : reader.subject(), reader.org(),
                        shown.present().keySet().stream().map(Enum::name).collect(Collectors.joining(",")),
                        OffsetDateTime.now(clock)).update();
    }

    private static Optional<Side> side(Reader reader, Row row) {
        if (reader.org() == null) {
            return Optional.empty();
        }
        if (reader.org().equals(row.referrer)) {
            return Optional.of(Side.REFERRER);
        }
        if (reader.org().equals(row.recipient) && row.sentAt != null) {
            return Optional.of(Side.RECIPIENT);
        }
        return Optional.empty();
    }

    private Optional<Row> row(String referralId) {
        return jdbc.sql("SELECT * FROM referrals WHERE referral_id = ?").param(referralId).query(ReferralQueries::row).optional();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    private static NotFoundException notFound(String referralId) {
        return new NotFoundException("No referral " + referralId);
    }

    private record Row(String id, String residentId, String referrer, String recipient, String offerId, String targetGroup, String status,
                       String consentId, String sharedData, String capacityOverride, OffsetDateTime draftedAt, OffsetDateTime sentAt,
                       OffsetDateTime answeredAt, OffsetDateTime firstContactAt, OffsetDateTime closedAt, String overdue,
                       OffsetDateTime overdueSince) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("referral_id"), rs.getString("resident_id"), rs.getString("referrer"), rs.getString("recipient"),
                rs.getString("offer_id"), rs.getString("target_group"), rs.getString("status"), rs.getString("consent_id"),
                rs.getString("shared_data"), rs.getString("capacity_override"), time(rs, "drafted_at"), time(rs, "sent_at"),
                time(rs, "answered_at"), time(rs, "first_contact_at"), time(rs, "closed_at"), rs.getString("overdue"), time(rs, "overdue_since"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
