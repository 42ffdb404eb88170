package dk.bindeled.staffweb.domain;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The referral pages' words: statuses, steps, fields, bases and reasons in Danish, in one place. */
public final class ReferralText {

    private static final Map<String, String> STATUS = ordered(
            "DRAFT", "Kladde", "SENT", "Sendt – afventer svar", "ACCEPTED", "Accepteret", "DECLINED", "Afvist",
            "CONTACT_MADE", "Kontakt skabt", "CONTACT_FAILED", "Ingen kontakt endnu", "COMPLETED", "Afsluttet",
            "WITHDRAWN", "Trukket tilbage", "ENTERED_IN_ERROR", "Oprettet ved en fejl");
    private static final Map<String, String> STEP = ordered(
            "DRAFTED", "Oprettet", "SENT", "Sendt", "ACCEPTED", "Accepteret", "DECLINED", "Afvist", "FORWARDED", "Sendt videre til et andet tilbud",
            "CONTACT_MADE", "Kontakt skabt", "CONTACT_FAILED", "Kunne ikke komme i kontakt", "COMPLETED", "Afsluttet",
            "WITHDRAWN", "Trukket tilbage", "ENTERED_IN_ERROR", "Markeret som oprettet ved en fejl", "CONSENT_REVOKED", "Samtykke trukket tilbage",
            "OVERDUE", "Fristen er overskredet", "STATUS_LINK_ISSUED", "Statuslink udleveret", "STATUS_LINK_REVOKED", "Statuslink trukket tilbage");
    /** What a step's form is called, as something to do. */
    private static final Map<String, String> ACTION = ordered(
            "ACCEPT", "Acceptér henvisningen", "CONTACT_MADE", "Kontakt er skabt", "CONTACT_FAILED", "Kunne ikke komme i kontakt",
            "COMPLETE", "Afslut med et udfald", "DECLINE", "Afvis henvisningen", "FORWARD", "Send videre til et andet af jeres tilbud",
            "SEND", "Send henvisningen", "WITHDRAW", "Træk henvisningen tilbage", "ENTERED_IN_ERROR", "Markér som oprettet ved en fejl");
    private static final Map<String, String> FIELDS = ordered(
            "NAME", "Navn", "PHONE", "Telefon", "EMAIL", "E-mail", "DATE_OF_BIRTH", "Fødselsdato", "PREFERRED_LANGUAGE", "Foretrukket sprog",
            "CONTACT_PREFERENCE", "Kontaktform");
    private static final Map<String, String> CONTACT = ordered(
            "PHONE", "Telefon", "SMS", "SMS", "EMAIL", "E-mail", "DO_NOT_CONTACT", "Ønsker ikke at blive kontaktet");
    private static final Map<String, String> BASIS = ordered(
            "CONSENT", "Samtykke fra borgeren", "LEGAL_PROVISION", "Hjemmel i lovgivningen (uden samtykke)");
    private static final Map<String, String> GIVEN_BY = ordered("RESIDENT", "Borgeren selv", "GUARDIAN", "Forælder eller værge", "NONE", "–");
    private static final Map<String, String> SHOWN = ordered(
            "SHOWN", "", "CONSENT_NOT_VALID", "Samtykket gælder ikke (længere): oplysningerne om borgeren er skjult for jer.",
            "FORGOTTEN", "Borgerens oplysninger er slettet.", "NOT_SENT", "Henvisningen er ikke sendt.",
            "NOT_ON_THIS_LINK", "Dette link viser ikke oplysninger om borgeren – kun forløbet.");

    private ReferralText() {
    }

    public static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    public static String step(String code) {
        return STEP.getOrDefault(code, code);
    }

    public static String action(String code) {
        return ACTION.getOrDefault(code, code);
    }

    public static String field(String code) {
        return FIELDS.getOrDefault(code, code);
    }

    public static String contact(String code) {
        return CONTACT.getOrDefault(code, code);
    }

    public static String basis(String code) {
        return BASIS.getOrDefault(code, code);
    }

    /** A reader of the access log: {@code status-link:<id>} is a status link's holder, otherwise the user's name. */
    public static String reader(String reader) {
        if (reader.startsWith("status-link:")) {
            String id = reader.substring("status-link:".length());
            return "Statuslink " + (id.length() > 8 ? id.substring(0, 8) : id) + " (en uden adgang til Bindeled)";
        }
        return reader;
    }

    public static String givenBy(String code) {
        return GIVEN_BY.getOrDefault(code, code);
    }

    public static String shown(String code) {
        return SHOWN.getOrDefault(code, code);
    }

    /** A step's detail: a decline's reason, an outcome, an overdue kind; an offer id as it is. */
    public static String detail(String code) {
        if (code == null) {
            return "";
        }
        for (DeclineReason r : DeclineReason.values()) {
            if (r.name().equals(code)) {
                return DanishLabels.declineReason(r);
            }
        }
        for (ReferralOutcome o : ReferralOutcome.values()) {
            if (o.name().equals(code)) {
                return DanishLabels.referralOutcome(o);
            }
        }
        for (OverdueKind k : OverdueKind.values()) {
            if (k.name().equals(code)) {
                return DanishLabels.overdueKind(k);
            }
        }
        return "CAPACITY_OVERRIDDEN".equals(code) ? "sendt trods fuldt tilbud" : code;
    }

    public static Map<String, String> statuses() {
        return STATUS;
    }

    public static Map<String, String> fields() {
        return FIELDS;
    }

    public static Map<String, String> contactPreferences() {
        return CONTACT;
    }

    public static Map<String, String> bases() {
        return BASIS;
    }

    public static Map<String, String> declineReasons() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(DeclineReason.values()).forEach(r -> m.put(r.name(), DanishLabels.declineReason(r)));
        return m;
    }

    public static Map<String, String> outcomes() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(ReferralOutcome.values()).forEach(o -> m.put(o.name(), DanishLabels.referralOutcome(o)));
        return m;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
