package dk.bindeled.axon;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables of one rebuildable projection. Each exists twice, {@code <table>_a} for even generations and
 * {@code <table>_b} for odd ones, and a view under the table's own name shows the live generation's (see
 * {@code projection_generation}), so the queries keep their plain names and always read a complete set. The
 * projection's handlers write one generation's set: {@link Slot#sql} turns the plain names into that set's.
 */
public final class ProjectionTables {

    private final String projection;
    private final List<String> tables;
    private final Pattern names;

    /** The tables in the order they can be emptied (rows that refer to others first). */
    public ProjectionTables(String projection, List<String> tables) {
        this.projection = projection;
        this.tables = List.copyOf(tables);
        this.names = Pattern.compile("\\b(" + String.join("|", tables.stream().map(Pattern::quote).toList()) + ")\\b");
    }

    public String projection() {
        return projection;
    }

    public Slot slot(long generation) {
        return new Slot(generation, generation % 2 == 0 ? "_a" : "_b");
    }

    /** The set the queries read now: for handlers fed directly (tests), not by a processor of a generation. */
    public Slot live(JdbcClient jdbc) {
        return slot(jdbc.sql("SELECT live_generation FROM projection_generation WHERE projection = ?").param(projection)
                .query(Long.class).single());
    }

    /** One generation's set of tables. */
    public final class Slot {

        private final long generation;
        private final String suffix;
        private final Map<String, String> rewritten = new ConcurrentHashMap<>();

        private Slot(long generation, String suffix) {
            this.generation = generation;
            this.suffix = suffix;
        }

        public long generation() {
            return generation;
        }

        /** The statement on this generation's tables; handlers' statements are constants, so each is rewritten once. */
        public String sql(String statement) {
            return rewritten.computeIfAbsent(statement,
                    s -> names.matcher(s).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + suffix)));
        }

        public List<String> tables() {
            return tables.stream().map(table -> table + suffix).toList();
        }
    }
}
