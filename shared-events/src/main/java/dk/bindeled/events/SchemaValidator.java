package dk.bindeled.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event payloads against the JSON Schemas shipped in this module (draft 2020-12). */
public final class SchemaValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** Returns the violations, empty when the payload is valid. */
    public List<String> validate(EventType<?> type, JsonNode payload) {
        JsonSchema schema = schemas.computeIfAbsent(type.schemaResource(), this::load);
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Whether the schema of the type exists on the classpath. */
    public static boolean hasSchema(EventType<?> type) {
        return SchemaValidator.class.getClassLoader().getResource(type.schemaResource()) != null;
    }

    private JsonSchema load(String resource) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No JSON Schema at classpath:" + resource);
            }
            return factory.getSchema(EventJson.mapper().readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JSON Schema " + resource, e);
        }
    }
}
