package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly review: on a day he chooses, a short look at his week and one line on what
 * he learned. The lines stay in his history, sealed at rest; he chooses which go into the
 * report he brings to a session.
 */
@Service
public class WeeklyReview {

	/** The longest line. */
	static final int MAX_LINE = 300;

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final AccountManagement accounts;

	private final java.time.Clock clock;

	WeeklyReview(JdbcClient jdbc, Encryption encryption, AccountManagement accounts, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * One week's line.
	 *
	 * @param weekStart the Monday of the week
	 * @param learned what he learned, in his words
	 * @param inReport whether it goes into his progress report
	 */
	public record Line(LocalDate weekStart, String learned, boolean inReport) {
	}

	/** The Monday of the owner's current week, where he is. */
	LocalDate thisWeek(AccountId owner) {
		return this.accounts.thisMonday(owner);
	}

	/** The day he wants to be asked; Sunday until he chooses. */
	@Transactional(readOnly = true)
	public DayOfWeek day(AccountId owner) {
		return this.jdbc.sql("SELECT day_of_week FROM weekly_review_day WHERE owner_id = :owner")
			.param("owner", owner.value())
			.query(Integer.class)
			.optional()
			.map(DayOfWeek::of)
			.orElse(DayOfWeek.SUNDAY);
	}

	/** Whether today is his review day and this week's line is not written yet. */
	@Transactional(readOnly = true)
	public boolean due(AccountId owner) {
		LocalDate today = this.accounts.today(owner);
		return today.getDayOfWeek() == day(owner)
				&& line(owner, today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).isEmpty();
	}

	@Transactional
	void chooseDay(AccountId owner, DayOfWeek day) {
		this.jdbc.sql("DELETE FROM weekly_review_day WHERE owner_id = :owner").param("owner", owner.value()).update();
		this.jdbc.sql("INSERT INTO weekly_review_day (owner_id, day_of_week) VALUES (:owner, :day)")
			.param("owner", owner.value())
			.param("day", day.getValue())
			.update();
	}

	/**
	 * Writes (or rewrites) this week's line.
	 * @throws InvalidInput if it is empty or too long
	 */
	@Transactional
	void write(AccountId owner, String learned, boolean inReport) {
		String line = (learned != null) ? learned.strip() : "";
		if (line.isEmpty()) {
			throw new InvalidInput("learned", "Write one line, even a short one.");
		}
		if (line.length() > MAX_LINE) {
			throw new InvalidInput("learned", "Keep it to one line: " + MAX_LINE + " characters at most.");
		}
		LocalDate week = thisWeek(owner);
		this.jdbc.sql("DELETE FROM weekly_review WHERE owner_id = :owner AND week_start = :week")
			.param("owner", owner.value())
			.param("week", week)
			.update();
		this.jdbc.sql("""
				INSERT INTO weekly_review (owner_id, week_start, learned, in_report, written_at)
				VALUES (:owner, :week, :learned, :report, :now)
				""")
			.param("owner", owner.value())
			.param("week", week)
			.param("learned", this.encryption.seal(line, binding(owner, week)))
			.param("report", inReport)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/** Turns one week's line in or out of his report. */
	@Transactional
	void includeInReport(AccountId owner, LocalDate week, boolean include) {
		int changed = this.jdbc
			.sql("UPDATE weekly_review SET in_report = :include WHERE owner_id = :owner AND week_start = :week")
			.param("include", include)
			.param("owner", owner.value())
			.param("week", week)
			.update();
		if (changed == 0) {
			throw new NotFound();
		}
	}

	/** His lines, newest first. */
	@Transactional(readOnly = true)
	public List<Line> lines(AccountId owner) {
		return this.jdbc
			.sql("""
					SELECT week_start, learned, in_report FROM weekly_review WHERE owner_id = :owner ORDER BY week_start DESC
					""")
			.param("owner", owner.value())
			.query((rs, n) -> {
				LocalDate week = rs.getObject("week_start", LocalDate.class);
				return new Line(week, this.encryption.open(rs.getString("learned"), binding(owner, week)),
						rs.getBoolean("in_report"));
			})
			.list();
	}

	Optional<Line> line(AccountId owner, LocalDate week) {
		return lines(owner).stream().filter((l) -> l.weekStart().equals(week)).findFirst();
	}

	private static EncryptionBinding binding(AccountId owner, LocalDate week) {
		return EncryptionBinding.of("weekly_review", week.toString(), owner.value());
	}

}
