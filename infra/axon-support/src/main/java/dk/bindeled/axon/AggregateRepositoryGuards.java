package dk.bindeled.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Applies to every aggregate repository of a service the two guards it needs, so that no service has
 * to remember them:
 * <ul>
 *     <li>aggregates of different types share one id space (a centre id and a resource id are both plain
 *     strings in one event table), so a repository reads only the events of its own aggregate type: an id of
 *     another type is "not found" (a 404 or a 400 naming the field), never an aggregate half-built from the
 *     wrong events and a 500;</li>
 *     <li>every Axon {@link Cache} bean is a {@link ConsistentAggregateCache}.</li>
 * </ul>
 */
class AggregateRepositoryGuards implements BeanPostProcessor {

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<MeterRegistry> meters;

    AggregateRepositoryGuards(ObjectProvider<EventStore> eventStore, ObjectProvider<MeterRegistry> meters) {
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
            aggregate.setFilterEventsByType(true);
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Cache cache && !(bean instanceof ConsistentAggregateCache)) {
            return new ConsistentAggregateCache(cache, eventStore::getObject,
                    meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), beanName);
        }
        return bean;
    }
}
