package dk.bindeled.kafka;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a service keeps its inbox of processed CloudEvent ids: the table and its columns, which the service's own
 * Flyway migrations create (the id column its primary key, an index on the received-at column for the retention).
 * Declared as a bean, it turns on the shared {@link Inbox} and its {@link InboxRetention}.
 *
 * @param topicColumn {@code null} when the table does not record the topic
 */
public record InboxTable(String table, String idColumn, String typeColumn, String topicColumn, String receivedAtColumn) {

    // Names end up in SQL text: only plain identifiers. Initialised before STANDARD, which needs it.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The shape a new service uses: {@code inbox (ce_id PK, topic, ce_type, received_at TIMESTAMP WITH TIME ZONE)}. */
    public static final InboxTable STANDARD = new InboxTable("inbox", "ce_id", "ce_type", "topic", "received_at");

    public InboxTable {
        identifier(table);
        identifier(idColumn);
        identifier(typeColumn);
        identifier(receivedAtColumn);
        if (topicColumn != null) {
            identifier(topicColumn);
        }
    }

    private static void identifier(String name) {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(name, "inbox table and column names")).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }
}
