package dk.bindeled.booking.command;

import dk.bindeled.booking.domain.PartnerRoster;
import dk.bindeled.booking.domain.PartnerStanding;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the partner replica that {@code integration.in.PartnerEventsListener} keeps from the registry's events. */
@Component
public class JdbcPartnerRoster implements PartnerRoster {

    private final JdbcClient jdbc;

    public JdbcPartnerRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PartnerStanding> find(String partnerId) {
        return jdbc.sql("SELECT partner_id, name, active FROM partner_replica WHERE partner_id = ?").param(partnerId)
                .query((rs, n) -> new PartnerStanding(rs.getString("partner_id"), rs.getString("name"), rs.getBoolean("active"),
                        new HashSet<>(jdbc.sql("SELECT centre_id FROM partner_replica_centre WHERE partner_id = ?")
                                .param(partnerId).query(String.class).list())))
                .optional();
    }
}
