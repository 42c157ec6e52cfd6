package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each person's time zone, kept on his account: the zone his days, weeks and reminders
 * are counted in. A zone that is missing or no longer known reads as the practice's.
 */
@Component
class TimeZones {

	/** Region zones people recognise ("Europe/London"), and UTC. */
	private static final String REGIONS = "(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+";

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Practice practice;

	private final Clock clock;

	private final List<String> choices;

	TimeZones(Accounts accounts, JdbcClient jdbc, Practice practice, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.practice = practice;
		this.clock = clock;
		TreeSet<String> choices = new TreeSet<>();
		ZoneId.getAvailableZoneIds().stream().filter((id) -> id.matches(REGIONS)).forEach(choices::add);
		choices.add("UTC");
		choices.add(practice.zone().getId());
		this.choices = List.copyOf(choices);
	}

	/** The zone ids a person may choose, sorted. */
	List<String> choices() {
		return this.choices;
	}

	/** The chosen zone, if the id is one of {@link #choices()}. */
	Optional<ZoneId> choice(@Nullable String id) {
		return (id != null && this.choices.contains(id.strip())) ? Optional.of(ZoneId.of(id.strip()))
				: Optional.empty();
	}

	/** The chosen zone, or the practice's when the id is missing or not a choice. */
	ZoneId choiceOrPractice(@Nullable String id) {
		return choice(id).orElse(this.practice.zone());
	}

	/** The zone an account's stored id names, the practice's if it names none. */
	ZoneId of(Account account) {
		return parse(account.zone());
	}

	ZoneId zone(AccountId id) {
		return zones(List.of(id)).get(id);
	}

	Map<AccountId, ZoneId> zones(Collection<AccountId> ids) {
		Map<AccountId, ZoneId> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, zone FROM account WHERE id IN (:ids)")
				.param("ids", ids.stream().map(AccountId::value).distinct().toList())
				.query((rs) -> {
					found.put(new AccountId(rs.getObject("id", UUID.class)), parse(rs.getString("zone")));
				});
		}
		Map<AccountId, ZoneId> zones = new LinkedHashMap<>();
		ids.forEach((id) -> zones.put(id, found.getOrDefault(id, this.practice.zone())));
		return zones;
	}

	LocalDate today(AccountId id) {
		return today(zone(id));
	}

	/**
	 * Today where the person is and the day his account was made, counted in his zone, in
	 * one query; {@code null} for an unknown id.
	 */
	@Nullable PersonalDays days(AccountId id) {
		return this.jdbc.sql("SELECT zone, created_at FROM account WHERE id = :id")
			.param("id", id.value())
			.query((rs, row) -> {
				ZoneId zone = parse(rs.getString("zone"));
				java.time.Instant created = rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant();
				return new PersonalDays(today(zone), LocalDate.ofInstant(created, zone));
			})
			.optional()
			.orElse(null);
	}

	LocalDate today(ZoneId zone) {
		return LocalDate.ofInstant(this.clock.instant(), zone);
	}

	static LocalDate mondayOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * Moves the account to one of the {@link #choices()}.
	 * @throws InvalidAccountInput if the zone is not one of them
	 * @throws NotFound if the account does not exist
	 */
	ZoneId change(AccountId id, @Nullable String zoneId) {
		ZoneId zone = choice(zoneId)
			.orElseThrow(() -> new InvalidAccountInput("zone", "Choose a time zone from the list."));
		Account account = this.accounts.findById(id.value()).orElseThrow(NotFound::new);
		account.changeZone(zone);
		this.accounts.save(account);
		return zone;
	}

	private ZoneId parse(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return this.practice.zone();
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return this.practice.zone();
		}
	}

}
