package dk.bindeled.partner.config;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link ByteaPostgreSQLDialect} whenever the database is PostgreSQL and leaves every other
 * database (H2 for the local stack) to Hibernate's own resolution, so no profile has to name a dialect.
 */
public class ByteaDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "PostgreSQL".equalsIgnoreCase(info.getDatabaseName()) ? new ByteaPostgreSQLDialect(info) : null;
    }
}
