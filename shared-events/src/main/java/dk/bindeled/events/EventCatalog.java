package dk.bindeled.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The known event types of one topic, looked up by {@code ce_type} or by record class. */
public final class EventCatalog {

    private final String topic;
    private final Map<String, EventType<?>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();

    public EventCatalog(String topic, List<EventType<?>> types) {
        this.topic = topic;
        for (EventType<?> t : types) {
            if (byType.put(t.type(), t) != null) {
                throw new IllegalArgumentException("Duplicate event type " + t.type());
            }
            byClass.put(t.javaType(), t);
        }
    }

    public String topic() {
        return topic;
    }

    public Collection<EventType<?>> types() {
        return byType.values();
    }

    public Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public EventType<?> byClass(Class<?> javaType) {
        EventType<?> t = byClass.get(javaType);
        if (t == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not an event of topic " + topic);
        }
        return t;
    }
}
