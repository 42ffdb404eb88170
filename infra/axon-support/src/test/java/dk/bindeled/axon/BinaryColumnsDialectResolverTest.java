package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;
import static org.mockito.Mockito.when;

import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class BinaryColumnsDialectResolverTest {

    private final BinaryColumnsDialectResolver resolver = new BinaryColumnsDialectResolver();

    @Test
    void postgresqlGetsByteaAndH2GetsVarbinaryAndOthersAreLeftToHibernate() {
        assertThat(resolver.resolveDialect(database("PostgreSQL", 15, 0))).isInstanceOf(ByteaPostgreSQLDialect.class);
        assertThat(resolver.resolveDialect(database("H2", 2, 4))).isInstanceOf(BinaryH2Dialect.class);
        assertThat(resolver.resolveDialect(database("MariaDB", 10, 11))).isNull();
    }

    private static DialectResolutionInfo database(String name, int major, int minor) {
        // Real default methods (version copies), stubbed facts about the database.
        DialectResolutionInfo info = mock(DialectResolutionInfo.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        when(info.getDatabaseName()).thenReturn(name);
        when(info.getDatabaseMajorVersion()).thenReturn(major);
        when(info.getDatabaseMinorVersion()).thenReturn(minor);
        when(info.getDatabaseMicroVersion()).thenReturn(0);
        return info;
    }
}
