package dk.bindeled.booking.command;

import dk.bindeled.booking.domain.BookingLocator;
import dk.bindeled.booking.domain.RuleViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The id → resource routing table, written on the command's own transaction. */
@Component
public class JdbcBookingLocator implements BookingLocator {

    private final JdbcClient jdbc;

    public JdbcBookingLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String id, Kind kind, String resourceId, String partnerId, Instant startsAt) {
        int inserted = jdbc.sql("INSERT INTO booking_locator (id, kind, resource_id, partner_id, starts_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, kind.name(), resourceId, partnerId, startsAt == null ? null : Timestamp.from(startsAt)).update();
        if (inserted == 0) {
            throw new RuleViolationException("id-in-use", "The id " + id + " is already in use");
        }
    }

    @Override
    public void moved(String id, Instant startsAt) {
        jdbc.sql("UPDATE booking_locator SET starts_at = ? WHERE id = ?").params(Timestamp.from(startsAt), id).update();
    }

    @Override
    public Optional<Location> find(String id) {
        return jdbc.sql("SELECT kind, resource_id, partner_id FROM booking_locator WHERE id = ?").param(id)
                .query((rs, n) -> new Location(Kind.valueOf(rs.getString("kind")), rs.getString("resource_id"), rs.getString("partner_id")))
                .optional();
    }
}
