package dk.bindeled.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Resident set size of processes, from {@code /proc/<pid>/status} (Linux only; elsewhere reported as unknown). */
final class Memory {

    record Usage(String name, long pid, OptionalLong rssKiB) {
    }

    private Memory() {
    }

    static Usage of(String name, long pid) {
        return new Usage(name, pid, rssKiB(pid));
    }

    static OptionalLong rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Not Linux, or the process is gone: reported as unknown.
        }
        return OptionalLong.empty();
    }

    static String report(List<Usage> usages) {
        StringBuilder out = new StringBuilder("Memory (resident set size, VmRSS):\n");
        long total = 0;
        boolean complete = true;
        for (Usage u : usages) {
            out.append(String.format("  %-22s pid %-8d %s%n", u.name(), u.pid(),
                    u.rssKiB().isPresent() ? mib(u.rssKiB().getAsLong()) : "unknown"));
            if (u.rssKiB().isPresent()) {
                total += u.rssKiB().getAsLong();
            } else {
                complete = false;
            }
        }
        out.append(String.format("  %-22s %-12s %s%s", "total", "", mib(total), complete ? "" : " (incomplete)"));
        return out.toString();
    }

    private static String mib(long kib) {
        return String.format("%,7.1f MiB", kib / 1024.0);
    }
}
