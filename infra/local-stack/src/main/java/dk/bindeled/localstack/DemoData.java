package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The demo data in {@code demo-data.json}: centres, and partners with what the partner registry's REST API
 * takes for each (profile, contacts, offers, resources, centre memberships). The request bodies are kept as
 * JSON so the file, not Java code, decides what is sent.
 */
record DemoData(String about, List<Centre> centres, List<Partner> partners) {

    static final String RESOURCE = "demo-data.json";

    DemoData {
        centres = centres == null ? List.of() : List.copyOf(centres);
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /** A citizen centre; its id is what the registry's centre membership and offer locations refer to. */
    record Centre(String id, String name, String town, String address, String description) {
    }

    /** A membership: the partner is a fixed (RESIDENT_ACTOR) or an ad-hoc actor in a centre. */
    record Membership(String centreId, String role) {
    }

    record Partner(String key, ObjectNode profile, List<ObjectNode> contacts, List<ObjectNode> offers,
                   List<ObjectNode> resources, List<Membership> centres) {
        Partner {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
            offers = offers == null ? List.of() : List.copyOf(offers);
            resources = resources == null ? List.of() : List.copyOf(resources);
            centres = centres == null ? List.of() : List.copyOf(centres);
        }

        String name() {
            return profile.path("name").asText();
        }
    }

    Optional<Centre> centre(String id) {
        return centres.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static DemoData load() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            return new ObjectMapper().readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
