package dk.bindeled.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmarks' stopwatch: each call timed under its command's name (warm-up calls run but are not counted), and a
 * table of p50, p99, max and count per command, in the order the commands first ran. Figures only: nothing is asserted.
 */
public final class Timings {

    private final Map<String, List<Double>> times = new LinkedHashMap<>();

    /** Runs the call; counts its time under {@code command} unless it is a warm-up. */
    public <T> T time(String command, boolean counted, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        double millis = (System.nanoTime() - start) / 1e6;
        if (counted) {
            times.computeIfAbsent(command, c -> new ArrayList<>()).add(millis);
        }
        return result;
    }

    /** The table, with {@code heading} above it. */
    public String table(String heading) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %6s%n", "command", "p50", "p99", "max", "n"));
        times.forEach((command, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            out.append(String.format(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %6d%n", command, percentile(sorted, 50), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1), sorted.size()));
        });
        return out.toString();
    }

    /** The table printed, and written to {@code target/benchmark-results.txt} for the record. */
    public void report(String heading) {
        String table = table(heading);
        System.out.println(table);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-results.txt"), table);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The nearest-rank percentile of sorted values. */
    public static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
