package app.steadfast.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import app.steadfast.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V86 moves each person's time zone from his commitment reminder settings to his account,
 * on a database that already holds people: run up to V85, write rows as the application
 * then did, migrate, look. Tagged {@code database}: it runs on H2 and on PostgreSQL.
 */
@Tag("database")
class AccountZoneMigrationTests {

	@Test
	void eachPersonsZoneMovesToHisAccountAndTheOthersGetThePractices() {
		Map<String, Object> settings = TestDatabases.properties("accountzonemigration");
		DataSource dataSource = new DriverManagerDataSource((String) settings.get("spring.datasource.url"),
				(String) settings.getOrDefault("spring.datasource.username", "sa"),
				(String) settings.getOrDefault("spring.datasource.password", ""));
		flyway(dataSource, "Europe/London").target("85").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		UUID sydney = account(jdbc, "sydney");
		UUID losAngeles = account(jdbc, "los-angeles");
		UUID none = account(jdbc, "none");
		settings(jdbc, sydney, "Australia/Sydney");
		settings(jdbc, losAngeles, "America/Los_Angeles");

		flyway(dataSource, "Europe/London").load().migrate();

		assertThat(zone(jdbc, sydney)).isEqualTo("Australia/Sydney");
		assertThat(zone(jdbc, losAngeles)).isEqualTo("America/Los_Angeles");
		assertThat(zone(jdbc, none)).as("no settings: the practice's zone").isEqualTo("Europe/London");
		assertThat(zone(jdbc, account(jdbc, "later"))).as("a row written without one").isEqualTo("Europe/London");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.columns
				WHERE LOWER(table_name) = 'commitment_settings' AND LOWER(column_name) = 'zone'
				""").query(Long.class).single()).as("the old column is gone").isZero();
		assertThat(jdbc.sql("SELECT reminders FROM commitment_settings WHERE owner_id = :id")
			.param("id", sydney)
			.query(Boolean.class)
			.single()).as("the rest of his settings stay").isTrue();
		// A practice that later moves its zone keeps a valid migration history.
		flyway(dataSource, "America/New_York").load().validate();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource,
			String practiceZone) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.placeholders(Map.of("practice_zone", practiceZone));
	}

	private static UUID account(JdbcClient jdbc, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO account (id, email, display_name, password_hash, role, created_at, version)
				VALUES (:id, :email, :name, 'not-a-hash', 'CLIENT', :at, 0)
				""")
			.param("id", id)
			.param("email", name + "-" + id + "@example.org")
			.param("name", name)
			.param("at", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return id;
	}

	private static void settings(JdbcClient jdbc, UUID owner, String zone) {
		jdbc.sql(
				"""
						INSERT INTO commitment_settings (owner_id, reminders, digest, digest_at, titles_in_email, zone, updated_at)
						VALUES (:owner, TRUE, FALSE, :at, FALSE, :zone, :now)
						""")
			.param("owner", owner)
			.param("at", java.time.LocalTime.of(7, 30))
			.param("zone", zone)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private static String zone(JdbcClient jdbc, UUID account) {
		return jdbc.sql("SELECT zone FROM account WHERE id = :id").param("id", account).query(String.class).single();
	}

}
