package dk.bindeled.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;

/**
 * One {@link RetryingCommandSender} per event-sourced service, with the actor taken from the request by the
 * {@link CommandActor} bean: security-support's token subject. There is deliberately no default here, so a
 * service that forgot sign-in fails to start instead of recording every change as anonymous.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(CommandGateway.class)
@EnableConfigurationProperties(CommandSupportAutoConfiguration.RetryProperties.class)
public class CommandSupportAutoConfiguration {

    /** {@code bindeled.commands.retry.*}: attempts in all (the first included) and the bounds of the jittered pause. */
    @ConfigurationProperties("bindeled.commands.retry")
    public record RetryProperties(@DefaultValue("8") int attempts, @DefaultValue("5ms") Duration initialBackoff,
                                  @DefaultValue("100ms") Duration maxBackoff) {
    }

    @Bean
    @ConditionalOnMissingBean
    public RetryingCommandSender retryingCommandSender(CommandGateway commands, CommandActor actor, ObjectProvider<MeterRegistry> meters,
                                                       RetryProperties retry) {
        return new RetryingCommandSender(commands, actor, meters.getIfAvailable(() -> Metrics.globalRegistry),
                new RetryPolicy(retry.attempts(), retry.initialBackoff(), retry.maxBackoff()));
    }

    @Bean
    @ConditionalOnMissingBean
    public DeferredCommands deferredCommands(DataSource dataSource, RetryingCommandSender commands, Serializer serializer,
                                             ObjectProvider<MeterRegistry> meters,
                                             @Value("${bindeled.commands.deferred.sweep-interval:PT10S}") Duration sweepInterval,
                                             @Value("${bindeled.commands.deferred.grace:PT30S}") Duration grace) {
        // The wall clock, not a service's domain clock: retries are timed in real seconds whatever "now" the domain sees.
        return new DeferredCommands(JdbcClient.create(dataSource), commands, serializer, meters.getIfAvailable(() -> Metrics.globalRegistry),
                Clock.systemUTC(), sweepInterval, grace);
    }
}
