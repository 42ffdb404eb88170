package dk.bindeled.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every Bindeled streaming processor shares, so a service only names its processors
 * ({@code bindeled.axon.streaming-processors}) and sets what is its own (a batch size). Added with the lowest
 * precedence: a service's {@code axon.eventhandling.processors.<name>.*} and a test's properties win.
 * <ul>
 * <li>Pooled with {@value #SEGMENTS} segments: two instances (the least we run) take two each, and up to four
 * could take one each, without splitting segments at runtime. More segments would only multiply the token rows
 * each batch and claim round touches.</li>
 * <li>Sequenced per aggregate: the events of one stream always land in the same segment, so their order is
 * kept whichever node holds it; different streams run in parallel.</li>
 * <li>Two worker threads: the machines have two cores, and a node that holds all four segments after its
 * peer stopped still works through them in turn.</li>
 * </ul>
 */
public class StreamingProcessorDefaults implements EnvironmentPostProcessor {

    static final String NAMES = "bindeled.axon.streaming-processors";
    static final int SEGMENTS = 4;
    static final int THREADS = 2;
    /** Bean name of the policy, as Axon's properties refer to a sequencing policy. */
    static final String SEQUENCING_POLICY = "sequentialPerAggregatePolicy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> names = Binder.get(environment).bind(NAMES, Bindable.listOf(String.class)).orElse(List.of());
        Map<String, Object> defaults = new HashMap<>();
        for (String name : names) {
            String prefix = "axon.eventhandling.processors." + name.strip() + ".";
            defaults.put(prefix + "mode", "pooled");
            defaults.put(prefix + "source", "eventStore");
            defaults.put(prefix + "initial-segment-count", SEGMENTS);
            defaults.put(prefix + "thread-count", THREADS);
            defaults.put(prefix + "sequencing-policy", SEQUENCING_POLICY);
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("bindeled-streaming-processor-defaults", defaults));
        }
    }
}
