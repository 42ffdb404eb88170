package dk.bindeled.staffweb.domain;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The meeting logbook's codes in Danish: the contract's own words where it has them (DanishLabels), the rest here. */
public final class LogbookText {

    private LogbookText() {
    }

    public static Map<String, String> forms() {
        Map<String, String> forms = new LinkedHashMap<>();
        for (CollaborationForm form : CollaborationForm.values()) {
            forms.put(form.name(), DanishLabels.collaborationForm(form));
        }
        return forms;
    }

    public static Map<String, String> meetingTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (MeetingType type : MeetingType.values()) {
            types.put(type.name(), DanishLabels.meetingType(type));
        }
        return types;
    }

    public static Map<String, String> decisionTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (DecisionType type : DecisionType.values()) {
            types.put(type.name(), DanishLabels.decisionType(type));
        }
        return types;
    }

    public static Map<String, String> majorities() {
        Map<String, String> majorities = new LinkedHashMap<>();
        for (Majority majority : Majority.values()) {
            majorities.put(majority.name(), DanishLabels.majority(majority));
        }
        return majorities;
    }

    public static Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        for (CoCreationPhase phase : CoCreationPhase.values()) {
            phases.put(phase.name(), DanishLabels.coCreationPhase(phase));
        }
        return phases;
    }

    public static String form(String code) {
        return label(forms(), code);
    }

    public static String meetingType(String code) {
        return label(meetingTypes(), code);
    }

    public static String decisionType(String code) {
        return label(decisionTypes(), code);
    }

    public static String majority(String code) {
        return label(majorities(), code);
    }

    public static String phase(String code) {
        return label(phases(), code);
    }

    public static String choice(String code) {
        return switch (code) {
            case "FOR" -> "For";
            case "AGAINST" -> "Imod";
            case "ABSTAIN" -> "Hverken for eller imod";
            default -> code;
        };
    }

    public static String minutesStatus(String code) {
        return switch (code) {
            case "NONE" -> "Intet referat endnu";
            case "DRAFT" -> "Udkast";
            case "CIRCULATED" -> "Sendt til rettelser";
            case "APPROVED" -> "Godkendt og låst";
            default -> code;
        };
    }

    public static String amendmentStatus(String code) {
        return switch (code) {
            case "PROPOSED" -> "Foreslået";
            case "ACCEPTED" -> "Indarbejdet";
            case "NOT_ACCEPTED" -> "Ikke indarbejdet";
            default -> code;
        };
    }

    public static String roomStatus(String code) {
        return switch (code) {
            case "REQUESTED" -> "Bestilt – venter på svar fra lokalebookingen";
            case "AWAITING_APPROVAL" -> "Venter på husets godkendelse";
            case "CONFIRMED" -> "Bekræftet";
            case "REFUSED" -> "Afvist af bookingreglerne";
            case "REJECTED" -> "Afvist af huset";
            case "CANCELLED" -> "Aflyst";
            default -> code;
        };
    }

    public static String actionStatus(String code) {
        return switch (code) {
            case "OPEN" -> "Åben";
            case "DONE" -> "Udført";
            case "CANCELLED" -> "Annulleret";
            default -> code;
        };
    }

    /** A collaboration's history entry ({@code kind}) as a heading. */
    public static String history(String kind) {
        return switch (kind) {
            case "STARTED" -> "Samarbejdet startede";
            case "FORM_CHANGED" -> "Samarbejdsformen blev ændret";
            case "GOALS_REVISED" -> "Mål og succeskriterier blev revideret";
            case "THEORY_OF_CHANGE_DESCRIBED" -> "Forandringsteorien blev beskrevet";
            case "PHASE_REACHED" -> "Ny fase i forløbet";
            case "PARTNER_JOINED" -> "En aktør kom med";
            default -> kind;
        };
    }

    public static String warning(String code) {
        return "co-creation-size".equals(code) ? "Et co-creation-møde fungerer bedst med 3–10 deltagere." : code;
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
