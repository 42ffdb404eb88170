package dk.bindeled.logbook.query;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.logbook.query.Views.ActionItemView;
import dk.bindeled.logbook.query.Views.AgendaItem;
import dk.bindeled.logbook.query.Views.CollaborationView;
import dk.bindeled.logbook.query.Views.DecisionView;
import dk.bindeled.logbook.query.Views.MeetingView;
import dk.bindeled.logbook.query.Views.VoteView;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A collaboration's timeline for taking away: as machine-readable JSON shaped after OParl 1.1 (the open format of German
 * councils: an organization with its meetings, their agenda items and the decisions on them), and as a readable Danish
 * PDF (OpenPDF). Both hold the same: the collaboration, its goals, every meeting with its agenda, decisions, votes and
 * approved minutes' SHA-256, and the action items.
 */
public final class TimelineExport {

    static final String OPARL = "https://schema.oparl.org/1.1/";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("da-DK"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da-DK"));

    private TimelineExport() {
    }

    /** OParl's Organization for the collaboration, with its meetings ({@code meeting}) embedded as OParl allows. */
    public static Map<String, Object> oparl(CollaborationView c, List<MeetingView> meetings) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", "urn:bindeled:collaboration:" + c.id());
        organization.put("type", OPARL + "Organization");
        organization.put("name", c.title());
        organization.put("classification", c.form());
        organization.put("organizationType", "Samarbejde");
        organization.put("keyword", c.targetGroups());
        organization.put("member", c.partners().stream().map(p -> Map.of("organization", p.org(), "role", p.role().name())).toList());
        organization.put("goals", c.goals());
        List<Map<String, Object>> list = new ArrayList<>();
        for (MeetingView m : meetings) {
            Map<String, Object> meeting = new LinkedHashMap<>();
            meeting.put("id", "urn:bindeled:meeting:" + m.id());
            meeting.put("type", OPARL + "Meeting");
            meeting.put("name", m.title());
            meeting.put("meetingState", m.minutes().status().equals("APPROVED") ? "completed" : "scheduled");
            meeting.put("start", m.startsAt());
            if (m.endsAt() != null) {
                meeting.put("end", m.endsAt());
            }
            if (m.place() != null) {
                meeting.put("location", Map.of("type", OPARL + "Location", "description", m.place()));
            }
            meeting.put("organization", List.of(organization.get("id")));
            meeting.put("participant", m.attendance().stream().map(a -> Map.of("organization", a.org(), "people", a.people().size())).toList());
            List<Map<String, Object>> items = new ArrayList<>();
            for (AgendaItem item : m.agenda()) {
                Map<String, Object> agendaItem = new LinkedHashMap<>();
                agendaItem.put("id", "urn:bindeled:agenda-item:" + m.id() + ":" + item.id());
                agendaItem.put("type", OPARL + "AgendaItem");
                agendaItem.put("number", String.valueOf(item.seq()));
                agendaItem.put("name", item.title());
                agendaItem.put("public", true);
                List<DecisionView> decisions = m.decisions().stream().filter(d -> d.agendaItemId().equals(item.id())).toList();
                if (!decisions.isEmpty()) {
                    agendaItem.put("result", decisions.stream().map(DecisionView::type).toList());
                    agendaItem.put("resolutionText", String.join("\n", decisions.stream().map(DecisionView::text).toList()));
                }
                m.votes().stream().filter(v -> item.id().equals(v.agendaItemId()) && v.closed()).findFirst()
                        .ifPresent(v -> agendaItem.put("vote", vote(v)));
                items.add(agendaItem);
            }
            meeting.put("agendaItem", items);
            if (m.minutes().sha256() != null) {
                meeting.put("verbatimProtocol", Map.of("type", OPARL + "File", "text", m.minutes().content(), "sha256Checksum", m.minutes().sha256()));
            }
            list.add(meeting);
        }
        organization.put("meeting", list);
        organization.put("actionItems", c.actionItems());
        // Not OParl's: what the other services did for the collaboration, as counts (no resident, no booking's text).
        organization.put("linkedActivity", Map.of("rooms", c.links().rooms(), "referralsAmongPartners", c.links().referrals(),
                "referralsByTargetGroup", c.links().referralsByTargetGroup()));
        return organization;
    }

    private static Map<String, Object> vote(VoteView v) {
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("motion", v.motion());
        vote.put("majority", v.majority());
        vote.put("members", v.standing().members());
        vote.put("represented", v.standing().represented());
        vote.put("quorumMet", v.standing().quorumMet());
        vote.put("for", v.standing().forVotes());
        vote.put("against", v.standing().against());
        vote.put("abstain", v.standing().abstain());
        vote.put("adopted", v.standing().adopted());
        return vote;
    }

    public static byte[] pdf(CollaborationView c, List<MeetingView> meetings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Logbog: " + c.title());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
            document.add(new Paragraph("Logbog for samarbejdet " + c.title(), title));
            document.add(new Paragraph(c.purpose(), body));
            document.add(new Paragraph("Samarbejdsform: " + DanishLabels.collaborationForm(CollaborationForm.valueOf(c.form()))
                    + (c.phase() == null ? "" : ". Fase: " + DanishLabels.coCreationPhase(CoCreationPhase.valueOf(c.phase())))
                    + ". Tovholder: " + c.coordinator().name() + (c.coordinator().role() == null ? "" : ", " + c.coordinator().role()) + ".", body));
            document.add(new Paragraph("Mål og succeskriterier (version " + c.goalsVersion() + ")", heading));
            if (c.goals().isEmpty()) {
                document.add(new Paragraph("Ingen endnu.", body));
            }
            c.goals().forEach(g -> document.add(new Paragraph("• " + g.goal() + " – succeskriterium: " + g.successCriterion(), body)));

            document.add(new Paragraph("Møder", heading));
            for (MeetingView m : meetings) {
                document.add(new Paragraph(DanishLabels.meetingType(MeetingType.valueOf(m.type())) + " " + when(m.startsAt()) + ": " + m.title()
                        + (m.place() == null ? "" : " (" + m.place() + ")"), heading));
                document.add(new Paragraph("Fremmødt: " + m.attendance().size() + " organisationer", body));
                for (AgendaItem item : m.agenda()) {
                    document.add(new Paragraph(item.seq() + ". " + item.title() + (item.carriedOverFrom() == null ? "" : " (overført)"), body));
                    for (DecisionView d : m.decisions().stream().filter(d -> d.agendaItemId().equals(item.id())).toList()) {
                        document.add(new Paragraph("   Beslutning (" + DanishLabels.decisionType(DecisionType.valueOf(d.type())) + "): " + d.text(), body));
                    }
                    for (VoteView v : m.votes().stream().filter(v -> item.id().equals(v.agendaItemId()) && v.closed()).toList()) {
                        document.add(new Paragraph("   Afstemning, " + DanishLabels.majority(Majority.valueOf(v.majority())).toLowerCase(Locale.ROOT) + ": "
                                + v.standing().forVotes() + " for, " + v.standing().against() + " imod, " + v.standing().abstain() + " undlod; "
                                + v.standing().represented() + " af " + v.standing().members() + " organisationer repræsenteret"
                                + (v.standing().quorumMet() ? "" : " (ikke beslutningsdygtig)") + ". "
                                + (v.standing().adopted() ? "Vedtaget." : "Ikke vedtaget."), body));
                    }
                }
                if (m.minutes().sha256() != null) {
                    document.add(new Paragraph("Referat godkendt og låst. SHA-256: " + m.minutes().sha256(), body));
                }
            }

            document.add(new Paragraph("Opfølgningspunkter", heading));
            if (c.actionItems().isEmpty()) {
                document.add(new Paragraph("Ingen.", body));
            }
            for (ActionItemView a : c.actionItems()) {
                document.add(new Paragraph("• " + a.title() + " – frist " + DAY.format(a.dueDate()) + ", " + status(a), body));
            }

            document.add(new Paragraph("Lokaler og henvisninger", heading));
            document.add(new Paragraph("Lokaler bestilt til møderne: " + c.links().rooms().total() + counted(c.links().rooms().byCategory(),
                    TimelineExport::roomStatus) + ".", body));
            document.add(new Paragraph("Henvisninger mellem samarbejdets aktører, siden det startede: " + c.links().referrals().total()
                    + counted(c.links().referrals().byCategory(), TimelineExport::referralStatus) + ".", body));
        } catch (DocumentException e) {
            throw new IllegalStateException("The timeline could not be written as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static String counted(Map<String, Integer> counts, java.util.function.Function<String, String> label) {
        return counts.isEmpty() ? "" : " (" + String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + label.apply(e.getKey())).toList()) + ")";
    }

    private static String roomStatus(String status) {
        return switch (status) {
            case "CONFIRMED" -> "bekræftet";
            case "AWAITING_APPROVAL" -> "venter på godkendelse";
            case "REQUESTED" -> "uden svar endnu";
            case "REFUSED" -> "afvist af bookingreglerne";
            case "REJECTED" -> "afvist af huset";
            case "CANCELLED" -> "aflyst";
            default -> status;
        };
    }

    private static String referralStatus(String status) {
        return switch (status) {
            case "SENT" -> "sendt";
            case "ACCEPTED" -> "accepteret";
            case "DECLINED" -> "afvist";
            case "FORWARDED" -> "sendt videre";
            case "CONTACT_MADE" -> "kontakt skabt";
            case "CONTACT_FAILED" -> "ingen kontakt";
            case "COMPLETED" -> "afsluttet";
            case "WITHDRAWN" -> "trukket tilbage";
            default -> status;
        };
    }

    private static String status(ActionItemView a) {
        return switch (a.status()) {
            case "DONE" -> "udført";
            case "CANCELLED" -> "annulleret";
            default -> a.overdue() ? "overskredet" : "åben";
        };
    }

    private static String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(COPENHAGEN));
    }
}
