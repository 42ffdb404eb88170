package dk.bindeled.staffweb.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' refusals in Danish. Room booking and the registry name the field and give the reason in English
 * (their API's language); the page shows the reason in Danish next to that field. A reason not known here is still
 * shown, marked as English, so nothing a service said is hidden.
 */
public final class RefusalText {

    private record Rule(Pattern pattern, String danish) {
    }

    private static final List<Rule> REASONS = List.of(
            rule("is required", "skal udfyldes"),
            rule("must not be (null|blank|empty)", "skal udfyldes"),
            rule("is in the past", "ligger før nu"),
            rule("equals the start: a booking cannot have zero length", "er det samme som starten – en booking skal have en længde"),
            rule("must be after the start", "skal ligge efter starten"),
            rule("is before the start", "skal ligge efter starten"),
            rule("is outside the centre's opening hours on (\\w+)", "ligger uden for husets åbningstid om $1"),
            rule("makes the booking (\\d+) minutes; the resource allows at most (\\d+)", "gør bookingen $1 minutter lang; lokalet må højst bookes $2 minutter ad gangen"),
            rule("is more than (\\d+) days ahead", "ligger mere end $1 dage fremme"),
            rule("(\\d+) is more than the (\\d+) the resource holds", "$1 er flere end de $2 personer, lokalet har plads til"),
            rule("must be at least (\\d+)", "skal være mindst $1"),
            rule("must be greater than or equal to (\\d+)", "skal være mindst $1"),
            rule("must be less than or equal to (\\d+)", "må højst være $1"),
            rule("must not be negative", "må ikke være negativ"),
            rule("names no (resource|partner|centre).*", "findes ikke"),
            rule("reaches dates when the centre is closed at that time: (.*)", "rammer datoer, hvor huset er lukket på det tidspunkt: $1"),
            rule("reaches (\\S+), more than (\\d+) days ahead", "når til $1, mere end $2 dage fremme"),
            rule("must be 8 digits", "skal være 8 cifre"),
            rule("must be an http\\(s\\) address", "skal være en webadresse (http eller https)"),
            rule("must be a phone number", "skal være et telefonnummer"),
            rule("must be a well-formed email address", "skal være en e-mailadresse"),
            rule("size must be between (\\d+) and (\\d+)", "skal være mellem $1 og $2 tegn"));

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("quota-exceeded", "Jeres kvote i huset er brugt op for den uge. Vælg en anden uge eller kortere tid, eller spørg husets leder.");
        RULES.put("not-pending", "Bookingen venter ikke længere på godkendelse – den er allerede besluttet.");
        RULES.put("already-started", "Bookingen er allerede begyndt og kan ikke ændres.");
        RULES.put("not-offered", "Tiden er ikke længere tilbudt jer fra ventelisten.");
        RULES.put("slot-free", "Tiden er ledig – book den i stedet for at stå på venteliste.");
        RULES.put("already-waiting", "I står allerede på ventelisten til den tid.");
        RULES.put("nothing-to-cancel", "Der er ingen kommende gange at aflyse.");
        RULES.put("concurrent-change", "Andre ændrede den samme kalender samtidig. Prøv igen.");
        RULES.put("not-allowed", "Jeres organisation må ikke booke dette lokale.");
        RULES.put("missing-right", "Det har du ikke ret til.");
    }

    private RefusalText() {
    }

    private static Rule rule(String regex, String danish) {
        return new Rule(Pattern.compile(regex), danish);
    }

    /** A field's reason in Danish; unknown reasons come back as they are, prefixed so the reader knows it is the service's. */
    public static String reason(String english) {
        if (english == null) {
            return "er ikke gyldig";
        }
        for (Rule rule : REASONS) {
            Matcher matcher = rule.pattern().matcher(english);
            if (matcher.matches()) {
                return weekdaysInDanish(matcher.replaceAll(rule.danish()));
            }
        }
        return "afvist af tjenesten: " + english;
    }

    private static String weekdaysInDanish(String text) {
        String result = text;
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            result = result.replace(day.name(), DanishText.weekday(day));
        }
        return result;
    }

    /** A broken rule (409 {@code rule}, or the problem's type) in Danish, or null when none is known. */
    public static String rule(String code) {
        return code == null ? null : RULES.get(code);
    }
}
