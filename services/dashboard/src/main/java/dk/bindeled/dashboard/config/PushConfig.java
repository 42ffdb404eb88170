package dk.bindeled.dashboard.config;

import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.web.ChangeStream;
import dk.bindeled.dashboard.web.InProcessChangeRelay;
import dk.bindeled.dashboard.web.PostgresChangeRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How committed changes reach the streams, chosen by the database in use ({@code spring.datasource.url}):
 * on PostgreSQL, where several instances share the read model and each consumes only some partitions, through
 * LISTEN/NOTIFY to every instance; on anything else (H2, the local run: one instance), after commit in process.
 */
@Configuration(proxyBeanMethods = false)
public class PushConfig {

    static final String POSTGRES_URL_PREFIX = "jdbc:postgresql:";

    @Bean
    @Conditional(OnPostgres.class)
    PostgresChangeRelay postgresChangeRelay(JdbcClient jdbc, DashboardQueries queries, ChangeStream stream, Environment environment) {
        PostgresChangeRelay.Database database = new PostgresChangeRelay.Database(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        return new PostgresChangeRelay(jdbc, queries, stream, database,
                environment.getProperty("bindeled.dashboard.stream.channel", "dashboard_changes"));
    }

    @Bean
    @Conditional(NotPostgres.class)
    InProcessChangeRelay inProcessChangeRelay(ChangeStream stream) {
        return new InProcessChangeRelay(stream);
    }

    static boolean postgres(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.startsWith(POSTGRES_URL_PREFIX);
    }

    static final class OnPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return postgres(context.getEnvironment());
        }
    }

    static final class NotPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !postgres(context.getEnvironment());
        }
    }
}
