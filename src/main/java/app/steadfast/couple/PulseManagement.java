package app.steadfast.couple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly trust pulse. Each person's answers are theirs: he sees his own always, and
 * hers only for the weeks she marked shared, while she shares her trust pulse, and never
 * while her safety pause is on.
 */
@Service
public class PulseManagement {

	static final String TABLE = "trust_pulse";

	private final JdbcClient jdbc;

	private final CoupleManagement couple;

	private final Encryption encryption;

	private final AccountManagement accounts;

	private final SharingManagement sharing;

	private final Clock clock;

	PulseManagement(JdbcClient jdbc, CoupleManagement couple, Encryption encryption, AccountManagement accounts,
			SharingManagement sharing, Clock clock) {
		this.jdbc = jdbc;
		this.couple = couple;
		this.encryption = encryption;
		this.accounts = accounts;
		this.sharing = sharing;
		this.clock = clock;
	}

	/**
	 * The Monday that starts the person's pulse week, where he is: each of a couple
	 * answers for his own week, which turns at his own midnight.
	 */
	public LocalDate thisWeek(AccountId person) {
		return this.accounts.thisMonday(person);
	}

	/**
	 * Saves this week's pulse for the person, replacing an earlier answer of the same
	 * week.
	 * @throws InvalidInput naming the first statement whose score is missing or outside 1
	 * to 7, or the note if it is too long
	 * @throws NotFound if the pulse is not open to the person
	 * ({@link LinkState#pulseOpen}): a client with no linked partner, or intakes not done
	 */
	@Transactional
	public void answer(AccountId me, List<Integer> scores, String note, boolean shared) {
		Role role = this.accounts.find(me).map(Person::role).orElseThrow(NotFound::new);
		if (!this.couple.state(me).pulseOpen(role)) {
			throw new NotFound();
		}
		for (PulseItem item : PulseItem.values()) {
			Integer score = (item.ordinal() < scores.size()) ? scores.get(item.ordinal()) : null;
			if (score == null || score < 1 || score > 7) {
				throw new InvalidInput(item.field(), "Choose a number from 1 to 7 for each statement.");
			}
		}
		if (note != null && note.length() > 2000) {
			throw new InvalidInput("note", "Keep the note under 2,000 characters.");
		}
		LocalDate week = thisWeek(me);
		this.jdbc.sql("DELETE FROM trust_pulse WHERE account_id = :me AND week_start = :week")
			.param("me", me.value())
			.param("week", week)
			.update();
		UUID id = UUID.randomUUID();
		String clean = (note == null || note.isBlank()) ? null : note.strip();
		this.jdbc.sql("""
				INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful, note,
				  shared, answered_at)
				VALUES (:id, :me, :week, :a, :b, :c, :d, :e, :note, :shared, :at)
				""")
			.param("id", id)
			.param("me", me.value())
			.param("week", week)
			.param("a", scores.get(0))
			.param("b", scores.get(1))
			.param("c", scores.get(2))
			.param("d", scores.get(3))
			.param("e", scores.get(4))
			.param("note", this.encryption.seal(clean, EncryptionBinding.of(TABLE, id, me)))
			.param("shared", shared)
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The person's own pulses, oldest week first. */
	@Transactional(readOnly = true)
	public List<PulseWeek> mine(AccountId me) {
		return weeks(me, false);
	}

	/**
	 * Each person's own pulse averages ({@link PulseWeek#average()}) by week, for the
	 * weeks starting from {@code from} to {@code to}, in one query. Like {@link #mine},
	 * it asks no one's permission: callers show it only to the person or through a grant
	 * of their own.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Map<LocalDate, Double>> averages(Collection<AccountId> people, LocalDate from, LocalDate to) {
		Map<AccountId, Map<LocalDate, Double>> averages = new LinkedHashMap<>();
		people.forEach((person) -> averages.put(person, new HashMap<>()));
		if (people.isEmpty()) {
			return averages;
		}
		this.jdbc.sql("""
				SELECT account_id, week_start, count_on, honest, safe, listened, hopeful FROM trust_pulse
				WHERE account_id IN (:people) AND week_start BETWEEN :from AND :to
				""")
			.param("people", people.stream().map(AccountId::value).distinct().toList())
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				LocalDate week = rs.getObject("week_start", LocalDate.class);
				PulseWeek scores = new PulseWeek(week, List.of(rs.getInt("count_on"), rs.getInt("honest"),
						rs.getInt("safe"), rs.getInt("listened"), rs.getInt("hopeful")), null, false);
				averages.get(new AccountId(rs.getObject("account_id", UUID.class))).put(week, scores.average());
			});
		return averages;
	}

	/**
	 * The partner's pulses this person may see: only weeks she marked shared, and only
	 * while she shares her trust pulse now (the sharing module decides; so none during
	 * her safety pause).
	 */
	@Transactional(readOnly = true)
	public List<PulseWeek> partners(AccountId me) {
		Optional<AccountId> partner = this.couple.partnerOf(me);
		if (partner.isEmpty() || !this.sharing.mayShowContribution(partner.get(), me, Category.PULSE)) {
			return List.of();
		}
		return weeks(partner.get(), true);
	}

	/** This person's answer for this week, if any. */
	@Transactional(readOnly = true)
	public Optional<PulseWeek> thisWeeks(AccountId me) {
		LocalDate week = thisWeek(me);
		return mine(me).stream().filter((w) -> w.weekStart().equals(week)).findFirst();
	}

	/**
	 * Both views side by side for the weeks both answered and she shared: per item, her
	 * score, his self-rating and the gap.
	 */
	@Transactional(readOnly = true)
	public List<PulseGap> gaps(AccountId me) {
		List<PulseWeek> hers = partners(me);
		List<PulseGap> gaps = new ArrayList<>();
		for (PulseWeek own : mine(me)) {
			hers.stream().filter((h) -> h.weekStart().equals(own.weekStart())).findFirst().ifPresent((h) -> {
				for (PulseItem item : PulseItem.values()) {
					gaps.add(new PulseGap(own.weekStart(), item, h.scores().get(item.ordinal()),
							own.scores().get(item.ordinal())));
				}
			});
		}
		return gaps;
	}

	/** The weekday the person wants the reminder on (Monday unless chosen). */
	@Transactional(readOnly = true)
	public DayOfWeek reminderDay(AccountId me) {
		return this.jdbc.sql("SELECT day_of_week FROM pulse_day WHERE account_id = :me")
			.param("me", me.value())
			.query(Integer.class)
			.optional()
			.map(DayOfWeek::of)
			.orElse(DayOfWeek.MONDAY);
	}

	/** Chooses the reminder day. */
	@Transactional
	public void chooseReminderDay(AccountId me, DayOfWeek day) {
		this.jdbc.sql("DELETE FROM pulse_day WHERE account_id = :me").param("me", me.value()).update();
		this.jdbc.sql("INSERT INTO pulse_day (account_id, day_of_week) VALUES (:me, :day)")
			.param("me", me.value())
			.param("day", day.getValue())
			.update();
	}

	private List<PulseWeek> weeks(AccountId owner, boolean sharedOnly) {
		return this.jdbc.sql("""
				SELECT id, week_start, count_on, honest, safe, listened, hopeful, note, shared FROM trust_pulse
				WHERE account_id = :owner ORDER BY week_start
				""").param("owner", owner.value()).query((rs, i) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new PulseWeek(rs.getObject("week_start", LocalDate.class),
					List.of(rs.getInt("count_on"), rs.getInt("honest"), rs.getInt("safe"), rs.getInt("listened"),
							rs.getInt("hopeful")),
					this.encryption.open(rs.getString("note"), EncryptionBinding.of(TABLE, id, owner)),
					rs.getBoolean("shared"));
		}).list().stream().filter((w) -> !sharedOnly || w.shared()).toList();
	}

}
