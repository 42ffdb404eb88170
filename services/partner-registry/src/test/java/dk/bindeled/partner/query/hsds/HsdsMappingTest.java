package dk.bindeled.partner.query.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.partner.query.hsds.DanishAddresses.Parsed;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parts of the HSDS mapping that read the directory's free text: addresses, regions, websites, and the derived ids. */
class HsdsMappingTest {

    @Test
    void addressesOfTheDemoCentresAreReadWithTheirRegion() {
        assertThat(DanishAddresses.parse("Havnegade 14, 7900 Nykøbing Mors", "Morsø Bibliotek"))
                .contains(new Parsed("Havnegade 14", "7900", "Nykøbing Mors", DanishAddresses.NORDJYLLAND));
        assertThat(DanishAddresses.parse("Motalavej, 4220 Korsør", null))
                .contains(new Parsed("Motalavej", "4220", "Korsør", DanishAddresses.SJAELLAND));
        assertThat(DanishAddresses.parse("Hedemarken, 2620 Albertslund", null))
                .contains(new Parsed("Hedemarken", "2620", "Albertslund", DanishAddresses.HOVEDSTADEN));
        // No street: the centre's name is the first line, or there is no address HSDS would accept.
        assertThat(DanishAddresses.parse("9220 Aalborg Øst", "Sundheds- og Kvartershuset"))
                .contains(new Parsed("Sundheds- og Kvartershuset", "9220", "Aalborg Øst", DanishAddresses.NORDJYLLAND));
        assertThat(DanishAddresses.parse("9220 Aalborg Øst", null)).isEmpty();
        assertThat(DanishAddresses.parse("Aarhus", "Foreningernes Hus")).isEmpty();
        assertThat(DanishAddresses.parse("Aabenraa Bibliotekerne", null)).isEmpty();
    }

    @Test
    void postalDistrictsAcrossARangesRegionBorderGoToTheirMunicipalitysRegion() {
        assertThat(DanishAddresses.region("2670")).contains(DanishAddresses.SJAELLAND);      // Greve
        assertThat(DanishAddresses.region("2800")).contains(DanishAddresses.HOVEDSTADEN);    // Kongens Lyngby
        assertThat(DanishAddresses.region("4050")).contains(DanishAddresses.HOVEDSTADEN);    // Skibby, Frederikssund
        assertThat(DanishAddresses.region("5000")).contains(DanishAddresses.SYDDANMARK);     // Odense
        assertThat(DanishAddresses.region("6950")).contains(DanishAddresses.MIDTJYLLAND);    // Ringkøbing
        assertThat(DanishAddresses.region("7100")).contains(DanishAddresses.SYDDANMARK);     // Vejle
        assertThat(DanishAddresses.region("7160")).contains(DanishAddresses.MIDTJYLLAND);    // Tørring, Hedensted
        assertThat(DanishAddresses.region("7700")).contains(DanishAddresses.NORDJYLLAND);    // Thisted
        assertThat(DanishAddresses.region("8000")).contains(DanishAddresses.MIDTJYLLAND);    // Aarhus
        assertThat(DanishAddresses.region("9632")).contains(DanishAddresses.MIDTJYLLAND);    // Møldrup, Viborg
        assertThat(DanishAddresses.region("3900")).isEmpty();                                // Nuuk, Greenland
        assertThat(DanishAddresses.region("0100")).isEmpty();                                // Tórshavn, Faroe Islands
    }

    @Test
    void websitesGoOutAsAsciiUris() {
        assertThat(HsdsExport.uri("https://sumak.example.dk")).isEqualTo("https://sumak.example.dk");
        assertThat(HsdsExport.uri("https://bydelsmødre.example.dk/om-os/æ")).isEqualTo("https://xn--bydelsmdre-6cb.example.dk/om-os/%C3%A6");
        assertThat(HsdsExport.uri("https://bydelsmødre.example.dk:8443/")).isEqualTo("https://xn--bydelsmdre-6cb.example.dk:8443/");
        assertThat(HsdsExport.uri("https://a b")).isNull();
        assertThat(HsdsExport.uri(null)).isNull();
    }

    @Test
    void derivedIdsAreNameBasedUuids() {
        String id = HsdsIds.of("location", "centre", "motalavej");
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(HsdsIds.of("location", "centre", "motalavej")).isEqualTo(id);
        assertThat(HsdsIds.of("location", "centre", "hedemarken")).isNotEqualTo(id);
        assertThat(HsdsTaxonomies.TERMS).extracting(t -> t.id()).doesNotHaveDuplicates().hasSize(4 + 15);
    }
}
