package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;

/**
 * A service said no (4xx), with its RFC 9457 problem: the page shows it in Danish next to the field it names
 * ({@code errors[].field}), or names the clash ({@code clashes}) or the rule ({@code rule}).
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final Map<String, Object> problem;

    public ServiceRefusal(int status, Map<String, Object> problem) {
        super("HTTP " + status + ": " + problem.getOrDefault("detail", problem.getOrDefault("title", "")));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> problem() {
        return problem;
    }

    /** The last segment of the problem's type: {@code validation}, {@code booking-conflict}, {@code quota-exceeded}, … */
    public String type() {
        Object type = problem.get("type");
        if (type == null) {
            return "";
        }
        String text = type.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    public String detail() {
        return String.valueOf(problem.getOrDefault("detail", ""));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> listed(String property) {
        Object value = problem.get(property);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
