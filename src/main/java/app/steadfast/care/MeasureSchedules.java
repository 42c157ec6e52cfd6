package app.steadfast.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.ExactlyOnce;
import app.steadfast.shared.InvalidInput;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires that come back by themselves: a therapist asks his client to fill in the
 * PHQ-9 or the GAD-7 every 2 or 4 weeks, and each round is sent once, on the cluster-safe
 * scheduler, whichever node runs it. A round is skipped while the last one still waits
 * unanswered (they never pile up on his homework page), and a schedule ends when the
 * therapist who set it no longer serves the client.
 */
@Component
class MeasureSchedules {

	private static final Logger log = LoggerFactory.getLogger(MeasureSchedules.class);

	/** How often a questionnaire may repeat, in weeks. */
	static final Set<Integer> EVERY = Set.of(2, 4);

	private final JdbcClient jdbc;

	private final Therapy therapy;

	private final Measures measures;

	private final ExactlyOnce once;

	private final Clock clock;

	MeasureSchedules(JdbcClient jdbc, Therapy therapy, Measures measures, ExactlyOnce once, Clock clock) {
		this.jdbc = jdbc;
		this.therapy = therapy;
		this.measures = measures;
		this.once = once;
		this.clock = clock;
	}

	/**
	 * The therapist asks for the questionnaire to come back every {@code weeks} weeks
	 * from now, replacing an earlier schedule of the same questionnaire.
	 * @throws InvalidInput if {@code weeks} is not 2 or 4
	 */
	@Transactional
	void repeat(AccountId therapist, AccountId client, Instrument instrument, int weeks) {
		this.therapy.requireClient(therapist, client);
		if (!EVERY.contains(weeks)) {
			throw new InvalidInput("every", "Choose every 2 or every 4 weeks, or just this once.");
		}
		stop(therapist, client, instrument);
		this.jdbc.sql("""
				INSERT INTO care_measure_schedule (client_id, instrument, therapist_id, every_weeks, starts_at)
				VALUES (:c, :i, :t, :w, :now)
				""")
			.param("c", client.value())
			.param("i", instrument.name())
			.param("t", therapist.value())
			.param("w", weeks)
			.param("now", now(this.clock.instant()))
			.update();
	}

	/** The therapist stops a questionnaire repeating; one already sent stays. */
	@Transactional
	void stop(AccountId therapist, AccountId client, Instrument instrument) {
		this.therapy.requireClient(therapist, client);
		this.jdbc.sql("DELETE FROM care_measure_schedule WHERE client_id = :c AND instrument = :i")
			.param("c", client.value())
			.param("i", instrument.name())
			.update();
	}

	/**
	 * The questionnaires that repeat for this client, with when each comes next, in one
	 * statement. For a caller that has already established that the therapist serves him
	 * ({@link Therapy#requireClient}), as the client's page has.
	 */
	@Transactional(readOnly = true)
	List<Schedule> of(AccountId client) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT instrument, every_weeks, starts_at FROM care_measure_schedule
				WHERE client_id = :c ORDER BY instrument
				""").param("c", client.value()).query((rs, n) -> {
			Duration period = Duration.ofDays(7L * rs.getInt("every_weeks"));
			Instant start = rs.getTimestamp("starts_at").toInstant();
			long round = Duration.between(start, now).toMillis() / period.toMillis() + 1;
			return new Schedule(Instrument.valueOf(rs.getString("instrument")), rs.getInt("every_weeks"),
					start.plus(period.multipliedBy(round)));
		}).list();
	}

	/**
	 * Sends every round due now that no run has sent yet; returns how many this call
	 * sent.
	 */
	int sendDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		List<Due> due = this.jdbc.sql("SELECT * FROM care_measure_schedule")
			.query((rs, n) -> new Due(new AccountId(rs.getObject("client_id", UUID.class)),
					Instrument.valueOf(rs.getString("instrument")),
					new AccountId(rs.getObject("therapist_id", UUID.class)), rs.getInt("every_weeks"),
					rs.getTimestamp("starts_at").toInstant()))
			.list();
		for (Due schedule : due) {
			long round = Duration.between(schedule.startsAt(), now).toMillis()
					/ Duration.ofDays(7L * schedule.everyWeeks()).toMillis();
			if (round < 1) {
				continue;
			}
			sent += this.once.run("""
					INSERT INTO care_measure_round (client_id, instrument, starts_at, round_number, sent_at)
					VALUES (:c, :i, :start, :round, :now)
					""", Map.of("c", schedule.client().value(), "i", schedule.instrument().name(), "start",
					now(schedule.startsAt()), "round", round, "now", now(now)), () -> send(schedule)) ? 1 : 0;
		}
		return sent;
	}

	private boolean send(Due schedule) {
		if (!this.therapy.assigned(schedule.therapist(), schedule.client())) {
			// His therapist changed: the one who set this no longer asks him anything.
			this.jdbc.sql("DELETE FROM care_measure_schedule WHERE client_id = :c AND instrument = :i")
				.param("c", schedule.client().value())
				.param("i", schedule.instrument().name())
				.update();
			return false;
		}
		if (this.therapy.therapistLeft(schedule.client())) {
			// Nobody would read his answers until the practice introduces someone new.
			return false;
		}
		boolean waiting = this.measures.pending(schedule.client())
			.stream()
			.anyMatch((p) -> p.instrument() == schedule.instrument());
		if (waiting) {
			return false;
		}
		this.measures.assign(schedule.therapist(), schedule.client(), schedule.instrument());
		return true;
	}

	private static OffsetDateTime now(Instant moment) {
		return moment.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A questionnaire that repeats.
	 *
	 * @param instrument which
	 * @param everyWeeks how often
	 * @param next when it is next sent
	 */
	record Schedule(Instrument instrument, int everyWeeks, Instant next) {
	}

	private record Due(AccountId client, Instrument instrument, AccountId therapist, int everyWeeks, Instant startsAt) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> careMeasureSchedules(MeasureSchedules schedules) {
			return Tasks.recurring("care-measure-schedules", FixedDelay.of(Duration.ofHours(1)))
				.execute((instance, context) -> {
					int sent = schedules.sendDue();
					if (sent > 0) {
						log.info("Sent {} repeating questionnaires", sent);
					}
				});
		}

	}

}
