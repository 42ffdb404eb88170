package dk.bindeled.partner.query.hsds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free-text addresses of the directory ("Havnegade 14, 7900 Nykøbing Mors") into the parts HSDS
 * requires, the region included: HSDS requires a {@code state_province}, and Denmark's nearest equivalent is the
 * region (ISO 3166-2:DK). The directory does not store the region, so it comes from the postal code.
 */
final class DanishAddresses {

    private static final Pattern STREET_POSTAL_CITY = Pattern.compile("^(.*?),?\\s*(\\d{4})\\s+(\\S.*)$");

    static final String HOVEDSTADEN = "Region Hovedstaden";
    static final String SJAELLAND = "Region Sjælland";
    static final String SYDDANMARK = "Region Syddanmark";
    static final String MIDTJYLLAND = "Region Midtjylland";
    static final String NORDJYLLAND = "Region Nordjylland";

    private DanishAddresses() {
    }

    /** An address whose every part HSDS requires is known. */
    record Parsed(String street, String postalCode, String city, String region) {
    }

    /**
     * The parts of {@code text}; {@code building} stands in as the first line when the text has no street
     * ("9220 Aalborg Øst" at a named centre). Empty when the text has no postal code and town, or no first line.
     */
    static Optional<Parsed> parse(String text, String building) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STREET_POSTAL_CITY.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String street = m.group(1).trim().isEmpty() ? building : m.group(1).trim();
        Optional<String> region = region(m.group(2));
        if (street == null || street.isBlank() || region.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(street, m.group(2), m.group(3).trim(), region.get()));
    }

    /**
     * The region of a Danish postal district: the region of its municipality. Postal numbers follow geography, so
     * ranges cover most of them; the exceptions are the districts whose municipality lies across a range's
     * region border (Greve and Solrød, Skibby, Hedensted, the Ringkøbing-Skjern area, Thy, Thyholm, Møldrup).
     * Empty for numbers outside Denmark proper (the Faroe Islands below 1000, Greenland 3900–3999).
     */
    static Optional<String> region(String postalCode) {
        int code = Integer.parseInt(postalCode);
        String region;
        if (code < 1000 || code >= 3900 && code < 4000) {
            region = null;
        } else if (code < 4000) {
            region = code >= 2670 && code <= 2699 ? SJAELLAND : HOVEDSTADEN;
        } else if (code < 5000) {
            region = code == 4050 ? HOVEDSTADEN : SJAELLAND;
        } else if (code < 6000) {
            region = SYDDANMARK;
        } else if (code < 7000) {
            region = code >= 6880 ? MIDTJYLLAND : SYDDANMARK;
        } else if (code < 8000) {
            region = jutland7(code);
        } else if (code < 9000) {
            region = MIDTJYLLAND;
        } else {
            region = code == 9632 ? MIDTJYLLAND : NORDJYLLAND;
        }
        return Optional.ofNullable(region);
    }

    private static String jutland7(int code) {
        if (code < 7130) {
            return SYDDANMARK;          // Fredericia, Børkop, Vejle
        } else if (code < 7173) {
            return MIDTJYLLAND;         // Hedensted: Juelsminde, Stouby, Barrit, Tørring, Uldum
        } else if (code < 7270) {
            return SYDDANMARK;          // Vonge, Bredsten, Billund, Grindsted, Sønder Omme
        } else if (code < 7300) {
            return MIDTJYLLAND;         // Herning: Stakroge, Sønder Felding
        } else if (code < 7330) {
            return SYDDANMARK;          // Jelling, Gadbjerg, Give
        } else if (code < 7700) {
            return MIDTJYLLAND;         // Brande, Herning, Holstebro, Struer, Lemvig
        } else if (code < 7790) {
            return NORDJYLLAND;         // Thisted, Hanstholm, Hurup
        } else if (code < 7900) {
            return MIDTJYLLAND;         // Thyholm, Skive
        }
        return NORDJYLLAND;             // Morsø
    }
}
