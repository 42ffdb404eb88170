package dk.bindeled.axon;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * H2 for the local stack. H2 in PostgreSQL mode (needed for the read-model SQL) does not know the
 * {@code BLOB} type Hibernate asks for Axon's {@code @Lob byte[]} columns, so they become plain
 * variable-length binary, the same shape as bytea on PostgreSQL. Axon declares those columns with
 * length 10000, which bytea ignores but H2 would enforce; a large snapshot must not fail locally, so
 * binary columns take H2's full range instead.
 */
public class BinaryH2Dialect extends H2Dialect {

    public BinaryH2Dialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
    }

    @Override
    protected void registerColumnTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.registerColumnTypes(typeContributions, serviceRegistry);
        DdlTypeRegistry ddl = typeContributions.getTypeConfiguration().getDdlTypeRegistry();
        // No length in the pattern: H2's full range, whatever length the entity declares.
        ddl.addDescriptor(new DdlTypeImpl(SqlTypes.VARBINARY, "varbinary", this));
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
