package dk.bindeled.partner.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas the HSDS export is checked against.
 *
 * <p>Always: Bindeled's own requirement schemas ({@code src/test/resources/hsds-requirements}), our statement of
 * what HSDS 3.0 requires of each object we export. Additionally, when they are present: the official Open
 * Referral HSDS 3.0 schemas (openreferral/specification, branch 3.0, folder {@code schema/}), which are not kept
 * in this repository. They are read from {@code BINDELED_HSDS_SCHEMAS} (environment variable or system property)
 * if set, else from {@code shared/hsds-3.0} beside the project root ({@code <root>/../shared/hsds-3.0}).
 *
 * <p>The official schemas declare no {@code $id} and refer to each other relatively, and the API description
 * refers to them under raw.githubusercontent.com: so they are loaded under that URL, which is mapped to the
 * folder, and any other remote URL is refused, so a reference that would go online fails instead of fetching.
 */
public final class HsdsSchemas {

    public static final String OFFICIAL_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final String OWN_BASE = "classpath:hsds-requirements/";
    private static final List<String> OWN = List.of("api_root.json", "page.json", "organization.json", "organization_identifier.json",
            "phone.json", "service.json", "service_at_location.json", "location.json", "address.json", "schedule.json", "language.json",
            "attribute.json", "taxonomy.json", "taxonomy_term.json");

    /** One page of a list endpoint: our {@code page.json}, the API description's {@code components.schemas.Page}. */
    public static final String PAGE = "page.json";

    /** The response of {@code GET /}: our {@code api_root.json}, and what the API description says of it. */
    public static final String API_ROOT = "api_root.json";

    /** Our names whose official counterpart has another name. */
    private static final Map<String, String> OFFICIAL_NAME = Map.of(
            PAGE, "openapi.json#/components/schemas/Page",
            API_ROOT, "openapi.json#/paths/~1/get/responses/200/content/application~1json/schema");

    private final Path officialFolder = officialFolder();
    private final boolean officialPresent = Files.isRegularFile(officialFolder.resolve("organization.json"));
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
            .schemaMappers(mappers -> mappers.mapPrefix(OFFICIAL_BASE, officialFolder.toUri().toString()))
            .schemaLoaders(loaders -> loaders.add(iri -> {
                String text = iri.toString();
                if (text.startsWith("http:") || text.startsWith("https:")) {
                    throw new IllegalStateException("HSDS schema reference not available offline: " + text);
                }
                return null;
            })));
    // Without it, 2020-12 treats "format" as an annotation only, and "uuid", "uri", "email", "date-time" would pass anything.
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** Whether the official schemas were found, so that {@link #violations} checks against them too. */
    public boolean officialPresent() {
        return officialPresent;
    }

    /** Which validations run, in one line. */
    public String describe() {
        return "HSDS validation: own requirements (" + OWN.size() + " objects) + official 3.0 schemas "
                + (officialPresent ? "from " + officialFolder : "not present at " + officialFolder + " (ask for shared/hsds-3.0)");
    }

    /**
     * The violations of {@code node}, empty when valid. {@code schema} names one of our schemas ({@code "service.json"},
     * {@link #PAGE}), checked always, and its official counterpart, checked when present; a name under {@code compiled/}
     * ({@code "compiled/service_list.json"}) is official only and checked only when present.
     */
    public List<String> violations(String schema, JsonNode node) {
        List<String> found = new ArrayList<>();
        if (!schema.startsWith("compiled/")) {
            if (!OWN.contains(schema)) {
                throw new IllegalArgumentException("No requirement schema of ours named " + schema);
            }
            found.addAll(check(OWN_BASE + schema, node));
        }
        if (officialPresent) {
            found.addAll(check(OFFICIAL_BASE + OFFICIAL_NAME.getOrDefault(schema, schema), node));
        }
        return found;
    }

    private List<String> check(String location, JsonNode node) {
        JsonSchema loaded = schemas.computeIfAbsent(location, name -> {
            JsonSchema s = factory.getSchema(SchemaLocation.of(name), config);
            s.initializeValidators();
            return s;
        });
        return loaded.validate(node).stream().map(m -> location + ": " + m).sorted().toList();
    }

    private static Path officialFolder() {
        String configured = System.getProperty("BINDELED_HSDS_SCHEMAS", System.getenv("BINDELED_HSDS_SCHEMAS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return projectRoot().resolve("../shared/hsds-3.0").normalize();
    }

    /** The project root: the nearest folder up from the working directory (the module, under Maven) that holds {@code .ci/}. */
    private static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".ci"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root (a folder with .ci/) above " + start);
    }
}
