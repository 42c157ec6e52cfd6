package app.steadfast.commitments;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * The tables the commitment aggregates live in, and the column a commitment's pauses and
 * earlier wording point to it by ({@code commitment_id}). Named in {@code @Table} or
 * {@code @MappedCollection}, Spring Data JDBC would quote the names as written, which H2
 * (upper case) and PostgreSQL (lower case) read differently; named here, they get each
 * database's case like every derived name. This is the application's naming strategy:
 * every other type keeps Spring Data's default names.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentTables {

	private static final Map<Class<?>, String> TABLES = Map.of(Pause.class, "commitment_pause", EarlierWording.class,
			"commitment_wording", RecordedDay.class, "commitment_occurrence", WitnessedDay.class, "commitment_witness");

	@Bean
	NamingStrategy commitmentNames() {
		return new DefaultNamingStrategy() {

			@Override
			public String getTableName(Class<?> type) {
				String table = TABLES.get(type);
				return (table != null) ? table : super.getTableName(type);
			}

			@Override
			public String getReverseColumnName(RelationalPersistentProperty property) {
				return (property.getOwner().getType() == Commitment.class) ? "commitment_id"
						: super.getReverseColumnName(property);
			}

			@Override
			public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
				return (owner.getType() == Commitment.class) ? "commitment_id" : super.getReverseColumnName(owner);
			}

		};
	}

}
