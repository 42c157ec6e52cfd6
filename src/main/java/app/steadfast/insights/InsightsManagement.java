package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.couple.PulseManagement;
import app.steadfast.couple.PulseWeek;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insights module's API: a person's progress over weeks, with readings and stuck
 * signals. Anyone but the owner sees it only through a grant of
 * {@link Category#INSIGHTS}, and then without anything his partner shared with him.
 */
@Service
public class InsightsManagement {

	/** How long a dismissed signal stays out of sight. */
	static final int DISMISS_DAYS = 14;

	private final WeeklyFigures figures;

	private final CommitmentManagement commitments;

	private final PulseManagement pulse;

	private final ConsultationManagement consultations;

	private final SharingManagement sharing;

	private final JdbcClient jdbc;

	private final QuestionManagement questions;

	private final ConversationManagement conversations;

	InsightsManagement(WeeklyFigures figures, CommitmentManagement commitments, PulseManagement pulse,
			ConsultationManagement consultations, SharingManagement sharing, JdbcClient jdbc,
			QuestionManagement questions, ConversationManagement conversations) {
		this.conversations = conversations;
		this.questions = questions;
		this.figures = figures;
		this.commitments = commitments;
		this.pulse = pulse;
		this.consultations = consultations;
		this.sharing = sharing;
		this.jdbc = jdbc;
	}

	/**
	 * The last {@code weeks} weeks (this one included) of the owner's progress.
	 * @throws NotFound if the viewer may not see it
	 */
	@Transactional
	public Progress progress(AccountId viewer, AccountId owner, int weeks) {
		this.sharing.requireVisible(viewer, owner, Category.INSIGHTS, "progress-" + weeks);
		return progress(owner, weeks, this.commitments.today(owner), viewer.equals(owner));
	}

	Progress progress(AccountId owner, int weeks, LocalDate today, boolean own) {
		LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LocalDate> mondays = new ArrayList<>();
		for (int i = weeks - 1; i >= 0; i--) {
			mondays.add(thisMonday.minusWeeks(i));
		}
		List<WeeklyFigures.Week> figures = this.figures.weeks(owner, mondays, thisMonday);
		// His own pulse is his data, so it shows to anyone he grants his progress; his
		// partner's only to him, and only the weeks she shared.
		Map<LocalDate, PulseWeek> mine = byWeek(this.pulse.mine(owner));
		List<PulseWeek> partners = own ? this.pulse.partners(owner) : List.of();
		Map<LocalDate, PulseWeek> hers = byWeek(partners);
		List<Progress.WeekRow> rows = figures.stream()
			.map((w) -> new Progress.WeekRow(w.monday(), w.current(), w.checkIns().checkIns(),
					w.checkIns().averageIntensity(), top(w.checkIns().families()), w.promises().kept(),
					w.promises().due(), w.promises().confirmed(), w.promises().sawDifferently(),
					average(mine, w.monday()), average(hers, w.monday()), w.talks().talks(),
					w.talks().averageDefensiveness(), w.talks().escalatedSomewhat() + w.talks().escalatedBadly()))
			.toList();
		List<StuckSignal> signals = new ArrayList<>();
		StuckSignals.promisesLow(figures).ifPresent(signals::add);
		StuckSignals.pulseFlat(partners, thisMonday).ifPresent(signals::add);
		StuckSignals.intenseFeelings(figures).ifPresent(signals::add);
		if (own) {
			// Topic names are his words: only on his own view.
			this.conversations.recurringTopics(owner, owner).stream().map(StuckSignals::topic).forEach(signals::add);
		}
		Set<StuckSignal.Kind> dismissed = dismissed(owner, today);
		signals.removeIf((s) -> dismissed.contains(s.kind()));
		return new Progress(rows, Readings.promises(rows), Readings.feelings(rows), Readings.pulse(rows, own),
				Readings.talks(rows), signals, this.consultations.therapistOf(owner).isPresent(),
				rows.stream().anyMatch((r) -> r.due() > 0), own ? questions(owner, mondays.get(0)) : null);
	}

	/** His partner's questions, when he is the one asked: figures only. */
	private Progress.Questions questions(AccountId owner, LocalDate from) {
		QuestionManagement.Tally tally = this.questions.tally(owner,
				from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
		if (!tally.linked() || tally.asker()) {
			return null;
		}
		return new Progress.Questions(tally.asked(), tally.answered(), tally.waiting(), tally.overdue(),
				tally.oldestWaitingDays(), Readings.questions(tally.paused(), tally.asked(), tally.answered(),
						tally.waiting(), tally.overdue(), tally.oldestWaitingDays()));
	}

	/**
	 * He sets a signal aside; it may show again after two weeks if it still holds.
	 */
	@Transactional
	public void dismiss(AccountId owner, StuckSignal.Kind kind) {
		dismiss(owner, kind, this.commitments.today(owner));
	}

	void dismiss(AccountId owner, StuckSignal.Kind kind, LocalDate today) {
		this.jdbc.sql("DELETE FROM insight_dismissal WHERE owner_id = :owner AND signal = :signal")
			.param("owner", owner.value())
			.param("signal", kind.name())
			.update();
		this.jdbc.sql("INSERT INTO insight_dismissal (owner_id, signal, until_date) VALUES (:owner, :signal, :until)")
			.param("owner", owner.value())
			.param("signal", kind.name())
			.param("until", today.plusDays(DISMISS_DAYS))
			.update();
	}

	private Set<StuckSignal.Kind> dismissed(AccountId owner, LocalDate today) {
		return this.jdbc.sql("SELECT signal FROM insight_dismissal WHERE owner_id = :owner AND until_date > :today")
			.param("owner", owner.value())
			.param("today", today)
			.query(String.class)
			.list()
			.stream()
			.map(StuckSignal.Kind::valueOf)
			.collect(Collectors.toSet());
	}

	private static Map<LocalDate, PulseWeek> byWeek(List<PulseWeek> weeks) {
		return weeks.stream().collect(Collectors.toMap(PulseWeek::weekStart, Function.identity(), (a, b) -> b));
	}

	private static Double average(Map<LocalDate, PulseWeek> weeks, LocalDate monday) {
		PulseWeek week = weeks.get(monday);
		return (week != null) ? week.average() : null;
	}

	private static String top(Map<String, Integer> families) {
		return families.entrySet()
			.stream()
			.max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.orElse(null);
	}

}
