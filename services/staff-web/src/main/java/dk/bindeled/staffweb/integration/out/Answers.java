package dk.bindeled.staffweb.integration.out;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's JSON as the templates read it: a field the service left out reads as null, as one it sent as null (the
 * template's {@code booking.partnerName} would otherwise fail on a disclosed view that omits it).
 */
public final class Answers {

    private Answers() {
    }

    /** Null-tolerant copies of every map inside, lists kept in order. */
    @SuppressWarnings("unchecked")
    public static <T> T lenient(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new Lenient();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), lenient(inner)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(inner -> copy.add(lenient(inner)));
            return (T) copy;
        }
        return value;
    }

    private static final class Lenient extends LinkedHashMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return key instanceof String || super.containsKey(key);
        }
    }
}
