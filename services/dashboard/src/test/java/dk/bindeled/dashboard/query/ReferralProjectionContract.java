package dk.bindeled.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralCompleted;
import dk.bindeled.events.referral.v1.ReferralContactMade;
import dk.bindeled.events.referral.v1.ReferralDeclined;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import dk.bindeled.events.referral.v1.ReferralOverdue;
import dk.bindeled.events.referral.v1.ReferralSent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The referral flow from bindeled.referral.v1: counts per target group and partner, the median time to first contact. */
abstract class ReferralProjectionContract {

    static final String TOPIC = "bindeled.referral.v1";
    static final String JOB = "jobcenter";
    static final String WOMEN = "kvindernes-netvaerk";
    static final String IT = "it-cafeen";

    private OffsetDateTime now = OffsetDateTime.parse("2026-12-01T09:00:00+01:00");
    private SingleConnectionDataSource dataSource;
    JdbcClient jdbc;
    ReferralProjection projection;
    ReferralFlowQueries queries;

    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        projection = new ReferralProjection(jdbc, new DataSourceTransactionManager(dataSource), event -> { },
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
        queries = new ReferralFlowQueries(jdbc);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void theFlowCountsEachStepPerTargetGroupAndPartnerWithTheMedianTimeToFirstContact() {
        apply(new ReferralSent("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN, false));
        apply(new ReferralSent("r2", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN, false));
        apply(new ReferralSent("r3", JOB, IT, "it-hjaelp", TargetGroup.SENIORS, true));
        apply(new ReferralSent("r4", JOB, IT, "it-hjaelp", TargetGroup.SENIORS, false));
        after(2);
        apply(new ReferralAccepted("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN));
        after(4);
        // r1: first contact six hours after it was sent.
        apply(new ReferralContactMade("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN));
        apply(new ReferralDeclined("r2", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN, DeclineReason.NO_CAPACITY));
        apply(new ReferralOverdue("r3", JOB, IT, "it-hjaelp", TargetGroup.SENIORS, OverdueKind.ANSWER));
        after(14);
        apply(new ReferralAccepted("r4", JOB, IT, "it-hjaelp", TargetGroup.SENIORS));
        // r4: first contact twenty hours after it was sent.
        apply(new ReferralContactMade("r4", JOB, IT, "it-hjaelp", TargetGroup.SENIORS));
        apply(new ReferralCompleted("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN, ReferralOutcome.GOT_HELP));

        ReferralFlow flow = queries.flow();

        assertThat(flow.total()).isEqualTo(new ReferralFlow.Row("ALL", "Alle", 4, 2, 1, Map.of("NO_CAPACITY", 1L), 1, 1, 13.0));
        assertThat(flow.byTargetGroup()).extracting(ReferralFlow.Row::label).containsExactly("Kvinder", "Seniorer");
        assertThat(flow.byTargetGroup().get(0)).isEqualTo(new ReferralFlow.Row("WOMEN", "Kvinder", 2, 1, 1, Map.of("NO_CAPACITY", 1L), 1, 0, 6.0));
        assertThat(flow.byRecipient()).extracting(ReferralFlow.Row::key, ReferralFlow.Row::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IT, 1L), org.assertj.core.groups.Tuple.tuple(WOMEN, 0L));
        assertThat(flow.byRecipient().get(0).label()).isEqualTo("aktør " + IT);
    }

    @Test
    void aReferralEnteredInErrorLeavesTheFiguresAndARedeliveryChangesNothing() {
        ReceivedEvent sent = received(new ReferralSent("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN, false));
        projection.apply(TOPIC, sent);
        projection.apply(TOPIC, sent);
        assertThat(queries.flow().total().sent()).isEqualTo(1);
        apply(new ReferralEnteredInError("r1", JOB, WOMEN, "syvaerksted", TargetGroup.WOMEN));
        assertThat(queries.flow().total().sent()).isZero();
    }

    private void after(int hours) {
        now = now.plusHours(hours);
    }

    private void apply(ReferralEvent event) {
        projection.apply(TOPIC, received(event));
    }

    private ReceivedEvent received(ReferralEvent event) {
        String type = ReferralEventsV1.CATALOG.byClass(event.getClass()).type();
        now = now.plusSeconds(1);
        return new ReceivedEvent(UUID.randomUUID().toString(), type, ReferralEventsV1.SOURCE, now, event.subject(), event);
    }
}
