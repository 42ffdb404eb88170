package dk.bindeled.axon;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Stores Axon's binary columns as plain binary on every database the service runs on:
 * {@link ByteaPostgreSQLDialect} on PostgreSQL, {@link BinaryH2Dialect} on H2. Any other database is
 * left to Hibernate's own resolution. No profile has to name a dialect.
 */
public class BinaryColumnsDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String database = info.getDatabaseName();
        if ("PostgreSQL".equalsIgnoreCase(database)) {
            return new ByteaPostgreSQLDialect(info);
        }
        if ("H2".equalsIgnoreCase(database)) {
            return new BinaryH2Dialect(info);
        }
        return null;
    }
}
