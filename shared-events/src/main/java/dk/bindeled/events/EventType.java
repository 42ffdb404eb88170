package dk.bindeled.events;

import java.net.URI;
import java.util.Objects;

/**
 * The stable, public identity of one integration event type: its {@code ce_type}, the record it maps
 * to and its JSON Schema. The type string never contains a Java class name, so classes can be renamed
 * without breaking consumers.
 */
public record EventType<T extends IntegrationEvent>(String type, Class<T> javaType, String schemaResource, URI dataSchema) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(schemaResource, "schemaResource");
        Objects.requireNonNull(dataSchema, "dataSchema");
    }

    /**
     * Builds the conventional descriptor: {@code dk.bindeled.<domain>.<Name>.v<version>}, schema at
     * {@code /schemas/<domain>/v<version>/<Name>.schema.json} on the classpath.
     */
    public static <T extends IntegrationEvent> EventType<T> of(String domain, int version, Class<T> javaType) {
        String name = javaType.getSimpleName();
        String path = "schemas/" + domain + "/v" + version + "/" + name + ".schema.json";
        return new EventType<>(
                "dk.bindeled." + domain + "." + name + ".v" + version,
                javaType,
                path,
                URI.create("https://schemas.bindeled.dk/" + domain + "/v" + version + "/" + name + ".schema.json"));
    }
}
