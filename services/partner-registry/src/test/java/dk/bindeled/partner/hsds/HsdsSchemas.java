package dk.bindeled.partner.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official Open Referral HSDS 3.0 schemas, read from {@code src/test/resources/hsds-3.0} (copied from
 * openreferral/specification, branch 3.0). The schemas declare no {@code $id} and refer to each other relatively
 * ({@code "$ref": "phone.json"}), and the API description refers to them under raw.githubusercontent.com: so
 * every schema is loaded under that URL, which is mapped to the classpath, and any other remote URL is refused,
 * so a reference that would go online fails the test instead of silently fetching.
 */
public final class HsdsSchemas {

    public static final String BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    /** The page metadata every list endpoint answers with ({@code components.schemas.Page} of the API description). */
    public static final String PAGE = "openapi.json#/components/schemas/Page";

    /** The response of {@code GET /} as the API description defines it. */
    public static final String API_ROOT = "openapi.json#/paths/~1/get/responses/200/content/application~1json/schema";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
            .schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:hsds-3.0/"))
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

    /** The violations of {@code node} against the named schema ({@code "service.json"}, {@link #PAGE}), empty when valid. */
    public List<String> violations(String schema, JsonNode node) {
        JsonSchema loaded = schemas.computeIfAbsent(schema, name -> {
            JsonSchema s = factory.getSchema(SchemaLocation.of(BASE + name), config);
            s.initializeValidators();
            return s;
        });
        return loaded.validate(node).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
