package dk.bindeled.booking.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the CPU went during a measurement: this JVM (room booking, the load clients, the Kafka broker) and the
 * rest of the machine (PostgreSQL, mostly), in cores busy on average. Linux only ({@code /proc/stat}); elsewhere
 * it says nothing.
 */
final class CpuMeter {

    private static final Path STAT = Path.of("/proc/stat");
    private static final long TICKS_PER_SECOND = 100;

    private final long startNanos = System.nanoTime();
    private final long startProcessNanos = processCpuNanos();
    private final long[] startMachine = machineTicks();
    private final long startPostgres = postgresTicks();

    String describe() {
        long[] machine = machineTicks();
        if (machine == null || startMachine == null || startProcessNanos < 0) {
            return "";
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double busy = (machine[0] - startMachine[0]) / (double) TICKS_PER_SECOND / seconds;
        double idle = (machine[1] - startMachine[1]) / (double) TICKS_PER_SECOND / seconds;
        double jvm = (processCpuNanos() - startProcessNanos) / 1e9 / seconds;
        double postgres = (postgresTicks() - startPostgres) / (double) TICKS_PER_SECOND / seconds;
        return String.format(Locale.ROOT, "CPU meanwhile, in cores: this JVM %.2f, PostgreSQL %.2f, anything else %.2f, idle %.2f",
                jvm, postgres, Math.max(0, busy - jvm - postgres), idle);
    }

    /** User and system ticks of every process named postgres (the server and its backends, as far as they live). */
    private static long postgresTicks() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) processes::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < 0 || !stat.substring(open + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Busy and idle (incl. iowait) ticks of all CPUs together. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                if (i == 4 || i == 5) {
                    idle += value;
                } else {
                    busy += value;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
