package dk.bindeled.dashboard.query;

import java.time.Instant;

/**
 * One applied event as the dashboard shows it.
 *
 * @param id         the CloudEvent id
 * @param type       the CloudEvent type, e.g. {@code dk.bindeled.partner.PartnerRegistered.v1}
 * @param subject    the aggregate the event is about (for partner events: the partner id)
 * @param summary    a short Danish sentence, e.g. "Ny aktør: Sundhedsplejen Morsø"
 * @param occurredAt when the event happened at its source ({@code ce_time})
 */
public record Change(String id, String type, String subject, String summary, Instant occurredAt) {
}
