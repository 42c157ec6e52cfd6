package app.steadfast.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's settings as an admin set them, over the configured defaults. They live
 * in the database, so every node sees a change; each node reads them again at most
 * {@link #FRESH} after a change elsewhere, and at once after a change of its own.
 */
@Component
public class PracticeSettings {

	/** The practice's name. */
	public static final String NAME = "name";

	/** The sender of every email. */
	public static final String MAIL_FROM = "mail-from";

	/** Where the quick-exit control leads. */
	public static final String QUICK_EXIT = "quick-exit";

	/** The crisis lines, one per line, the emergency number first. */
	public static final String CRISIS_LINES = "crisis-lines";

	/** The practice's locale, a language tag from {@link #LOCALES}. */
	public static final String LOCALE = "locale";

	/**
	 * The locales a practice can choose, by language tag. Steadfast is written in
	 * English; the locale names the country's English for screen readers and chooses the
	 * built-in crisis lines, where Steadfast has them.
	 */
	public static final Map<String, String> LOCALES = locales();

	static final Duration FRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Practice practice;

	private final Clock clock;

	private volatile Map<String, String> values;

	private volatile Instant readAt = Instant.MIN;

	// Counts the changes made on this node: a read that began before a change may hold
	// the settings as they were, and is then not kept (else it would hide the change for
	// up to FRESH).
	private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

	PracticeSettings(JdbcClient jdbc, Practice practice, Clock clock) {
		this.jdbc = jdbc;
		this.practice = practice;
		this.clock = clock;
	}

	/**
	 * Settings with nothing set and nowhere to set them: the configured practice only.
	 * For code that runs without a database, such as unit tests.
	 */
	public static PracticeSettings configuredOnly(Practice practice) {
		return new PracticeSettings(null, practice, Clock.systemUTC());
	}

	/** A setting an admin made, if any. */
	public Optional<String> get(String setting) {
		if (this.jdbc == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Map<String, String> known = this.values;
		if (known == null || this.readAt.plus(FRESH).isBefore(now)) {
			long before = this.changes.get();
			Map<String, String> read = new ConcurrentHashMap<>();
			this.jdbc.sql("SELECT setting, setting_value FROM practice_setting").query((rs) -> {
				read.put(rs.getString("setting"), rs.getString("setting_value"));
			});
			known = read;
			// Kept only if no change was made here while it was read: a scheduled job's
			// read racing an admin's change must not bring the old value back.
			if (this.changes.get() == before) {
				this.values = read;
				this.readAt = now;
			}
		}
		return Optional.ofNullable(known.get(setting));
	}

	/**
	 * A setting an admin made, as this node last read it, without reading the database
	 * again: for what is shown while the database is away. Empty if this node has not
	 * read the settings since it started or since its own last change.
	 */
	public Optional<String> lastRead(String setting) {
		Map<String, String> read = this.values;
		return (read != null) ? Optional.ofNullable(read.get(setting)) : Optional.empty();
	}

	/** Sets (or, with a blank value, clears) a setting. */
	@Transactional
	public void put(String setting, String value) {
		this.jdbc.sql("DELETE FROM practice_setting WHERE setting = :setting").param("setting", setting).update();
		if (value != null && !value.isBlank()) {
			this.jdbc.sql("""
					INSERT INTO practice_setting (setting, setting_value, changed_at) VALUES (:setting, :value, :now)
					""")
				.param("setting", setting)
				.param("value", value.strip())
				.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		Runnable changed = () -> {
			this.changes.incrementAndGet();
			this.values = null;
		};
		changed.run();
		// And again once the change is committed: a read between the two saw the old
		// rows.
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						changed.run();
					}
				});
		}
	}

	/**
	 * The practice as it stands now: its configured address and zone, its current name
	 * and locale.
	 */
	public Practice current() {
		return new Practice(get(NAME).orElse(this.practice.name()), this.practice.baseUrl(), this.practice.zone(),
				get(LOCALE).filter(LOCALES::containsKey).orElse(configuredLocale()));
	}

	/** The practice's current locale. */
	public java.util.Locale locale() {
		return java.util.Locale.forLanguageTag(current().locale());
	}

	private String configuredLocale() {
		String configured = this.practice.locale();
		return (configured != null && LOCALES.containsKey(configured)) ? configured : "en-US";
	}

	private static Map<String, String> locales() {
		Map<String, String> locales = new java.util.LinkedHashMap<>();
		locales.put("en-US", "English (United States)");
		locales.put("en-GB", "English (United Kingdom)");
		locales.put("en-IE", "English (Ireland)");
		locales.put("en-CA", "English (Canada)");
		locales.put("en-AU", "English (Australia)");
		locales.put("en-NZ", "English (New Zealand)");
		return java.util.Collections.unmodifiableMap(locales);
	}

	/** The practice's current name. */
	public String name() {
		return current().name();
	}

}
