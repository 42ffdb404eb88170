package dk.bindeled.partner.config;

import dk.bindeled.partner.domain.CvrRegistry;
import dk.bindeled.partner.domain.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CVR claims in the service's database, on the same connection and transaction as the command that
 * claims them. The primary key serialises concurrent claims of one number: the second waits for the
 * first to commit, then sees it and is refused.
 */
@Component
public class JdbcCvrRegistry implements CvrRegistry {

    private final JdbcClient jdbc;

    public JdbcCvrRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String cvr, String partnerId) {
        jdbc.sql("INSERT INTO cvr_claim (cvr, partner_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(cvr, partnerId).update();
        String holder = jdbc.sql("SELECT partner_id FROM cvr_claim WHERE cvr = ?").param(cvr).query(String.class).single();
        if (!holder.equals(partnerId)) {
            throw new RuleViolationException("CVR number " + cvr + " is already registered to active partner " + holder);
        }
    }

    @Override
    public void release(String cvr, String partnerId) {
        jdbc.sql("DELETE FROM cvr_claim WHERE cvr = ? AND partner_id = ?").params(cvr, partnerId).update();
    }
}
