package dk.bindeled.referrals.command;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.domain.ReferralIndex;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open referrals by resident, from the referral views, which are written in the command's own transaction (a
 * subscribing processor): what a command reads here is what the commands before it wrote.
 */
@Component
public class JdbcReferralIndex implements ReferralIndex {

    static final String OPEN = "status IN ('DRAFT', 'SENT', 'ACCEPTED', 'CONTACT_MADE', 'CONTACT_FAILED')";

    private final JdbcClient jdbc;

    public JdbcReferralIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> openReferral(String residentId, String offerId) {
        return jdbc.sql("SELECT referral_id FROM referrals WHERE resident_id = ? AND offer_id = ? AND " + OPEN + " ORDER BY drafted_at LIMIT 1")
                .params(residentId, offerId).query(String.class).optional();
    }

    @Override
    public boolean openElsewhere(String residentId, TargetGroup targetGroup, String recipient) {
        return targetGroup != null && jdbc.sql("SELECT COUNT(*) FROM referrals WHERE resident_id = ? AND target_group = ? AND recipient <> ? AND " + OPEN)
                .params(residentId, targetGroup.name(), recipient).query(Long.class).single() > 0;
    }
}
