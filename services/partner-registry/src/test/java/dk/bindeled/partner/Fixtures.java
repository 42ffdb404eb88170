package dk.bindeled.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies drawn from the seed reports. */
public final class Fixtures {

    /** Valid CVR numbers (modulus 11). */
    public static final String CVR_A = "29189129";
    public static final String CVR_B = "12345674";

    private Fixtures() {
    }

    public static Map<String, Object> profile(String name, String cvr) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("sector", "THIRD_SECTOR");
        body.put("kind", "ASSOCIATION");
        body.put("description", "Frivillig forening i Kvarterhuset på Motalavej");
        body.put("website", "https://sumak.example.dk");
        body.put("email", "kontakt@sumak.example.dk");
        body.put("phone", "+45 58 30 00 00");
        if (cvr != null) {
            body.put("cvr", cvr);
        }
        return body;
    }

    public static Map<String, Object> babyCafe() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Babycafé for unge mødre");
        body.put("description", "Uformel café med sundhedsplejersken i bibliotekets lokaler");
        body.put("targetGroups", List.of("YOUNG_MOTHERS", "VULNERABLE_FAMILIES_WITH_CHILDREN"));
        body.put("minimumAge", 16);
        body.put("maximumAge", 30);
        body.put("languages", List.of("da", "ar"));
        body.put("cost", "Gratis");
        body.put("schedules", List.of(Map.of("byDay", List.of("TUESDAY"), "opensAt", "09:30", "closesAt", "11:30",
                "validFrom", "2026-01-06", "validTo", "2026-12-15")));
        body.put("location", Map.of("centreId", "morsoe-bibliotek", "centreName", "Morsø Bibliotek",
                "address", "Havnegade 14, 7900 Nykøbing Mors"));
        body.put("capacity", Map.of("maximum", 12, "available", 5));
        body.put("status", "ACTIVE");
        return body;
    }
}
