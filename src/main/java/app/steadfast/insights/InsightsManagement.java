package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.PersonalDays;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.RecurringTopic;
import app.steadfast.couple.PulseManagement;
import app.steadfast.couple.PulseWeek;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.jspecify.annotations.Nullable;
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

	private final AccountManagement accounts;

	private final PulseManagement pulse;

	private final ConsultationManagement consultations;

	private final SharingManagement sharing;

	private final JdbcClient jdbc;

	private final QuestionManagement questions;

	private final ConversationManagement conversations;

	private final java.time.Clock clock;

	InsightsManagement(WeeklyFigures figures, AccountManagement accounts, PulseManagement pulse,
			ConsultationManagement consultations, SharingManagement sharing, JdbcClient jdbc,
			QuestionManagement questions, ConversationManagement conversations, java.time.Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
		this.questions = questions;
		this.figures = figures;
		this.accounts = accounts;
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
		PersonalDays days = this.accounts.days(owner);
		return progress(owner, weeks, days.today(), days.joined(), viewer.equals(owner));
	}

	Progress progress(AccountId owner, int weeks, LocalDate today, boolean own) {
		return progress(owner, weeks, today, null, own);
	}

	/**
	 * The weeks shown start where his work does: at the week he joined, or earlier where
	 * something was recorded before it (an import, a date he chose). Weeks before both
	 * would only be rows of zeros. {@code joined} {@code null} shows every week asked
	 * for. Stuck signals read every week either way.
	 */
	private Progress progress(AccountId owner, int weeks, LocalDate today, @Nullable LocalDate joined, boolean own) {
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
		// The days his partner confirmed are her words: the sharing module shows them
		// only
		// while she shares commitments (never during her safety pause), for whoever
		// looks.
		boolean herViewShown = this.sharing.partnerContributionsShown(owner, Category.COMMITMENTS);
		List<Progress.WeekRow> all = figures.stream()
			.map((w) -> new Progress.WeekRow(w.monday(), w.current(), w.checkIns().checkIns(),
					w.checkIns().averageIntensity(), top(w.checkIns().families()), w.promises().kept(),
					w.promises().due(), herViewShown ? w.promises().confirmed() : 0,
					herViewShown ? w.promises().sawDifferently() : 0, average(mine, w.monday()),
					average(hers, w.monday()), w.talks().talks(), w.talks().averageDefensiveness(),
					w.talks().escalatedSomewhat() + w.talks().escalatedBadly()))
			.toList();
		List<Progress.WeekRow> rows = all.subList(firstShown(all, joined), all.size());
		// Topic names are his words: only on his own view.
		List<RecurringTopic> topics = own ? this.conversations.recurringTopics(owner, owner) : List.of();
		List<StuckSignal> signals = signals(figures, partners, thisMonday, topics, dismissed(owner, today));
		return new Progress(rows, Readings.promises(rows), Readings.feelings(rows), Readings.pulse(rows, own),
				Readings.talks(rows), signals, this.consultations.therapistOf(owner).isPresent(),
				rows.stream().anyMatch((r) -> r.due() > 0), own ? questions(owner, rows.get(0).monday()) : null);
	}

	/**
	 * The first of the weeks to show: see
	 * {@link #progress(AccountId, int, LocalDate, LocalDate, boolean)}.
	 */
	static int firstShown(List<Progress.WeekRow> weeks, @Nullable LocalDate joined) {
		if (joined == null) {
			return 0;
		}
		for (int i = 0; i < weeks.size(); i++) {
			Progress.WeekRow week = weeks.get(i);
			if (week.hasAnything() || !week.monday().plusDays(6).isBefore(joined)) {
				return i;
			}
		}
		return weeks.size() - 1;
	}

	/**
	 * What {@link #progress} shows the viewer of each owner's last {@code weeks} weeks
	 * that a caseload needs, for many owners with a fixed number of queries: how many
	 * stuck signals hold and his own latest pulse. Each read is checked and audited like
	 * {@link #progress}; owners the viewer may not see are left out. Read-write for the
	 * same reason as {@link #progress}: a completed week not kept yet is computed (for
	 * its owner alone) and kept.
	 */
	@Transactional
	public Map<AccountId, ProgressGlance> glances(AccountId viewer, Collection<AccountId> owners, int weeks) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, owners, Category.INSIGHTS, "progress-" + weeks);
		Map<AccountId, ProgressGlance> glances = new LinkedHashMap<>();
		// His own view holds what his partner shares with him and his topics: read it
		// whole.
		List<AccountId> others = visible.stream().filter((owner) -> !owner.equals(viewer)).toList();
		// Each owner's week starts on his own Monday: one query for all their zones.
		java.time.Instant now = this.clock.instant();
		Map<AccountId, LocalDate> today = new LinkedHashMap<>();
		Map<AccountId, LocalDate> thisMondays = new LinkedHashMap<>();
		this.accounts.zones(others).forEach((owner, zone) -> {
			LocalDate day = LocalDate.ofInstant(now, zone);
			today.put(owner, day);
			thisMondays.put(owner, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
		});
		Map<AccountId, List<WeeklyFigures.Week>> figures = this.figures.weeks(thisMondays, weeks);
		Map<AccountId, Map<LocalDate, Double>> pulses = others.isEmpty() ? Map.of()
				: this.pulse.averages(others,
						thisMondays.values().stream().min(LocalDate::compareTo).get().minusWeeks(weeks - 1),
						thisMondays.values().stream().max(LocalDate::compareTo).get());
		Map<AccountId, Set<StuckSignal.Kind>> dismissed = dismissed(today);
		for (AccountId owner : visible) {
			if (owner.equals(viewer)) {
				glances.put(owner, ProgressGlance.of(progress(owner, weeks, this.accounts.today(owner), true)));
				continue;
			}
			List<WeeklyFigures.Week> mine = figures.get(owner);
			List<StuckSignal> signals = signals(mine, List.of(), thisMondays.get(owner), List.of(),
					dismissed.get(owner));
			Double latest = null;
			for (WeeklyFigures.Week week : mine) {
				Double pulse = pulses.get(owner).get(week.monday());
				latest = (pulse != null) ? pulse : latest;
			}
			glances.put(owner, new ProgressGlance(signals.size(), latest));
		}
		return glances;
	}

	/**
	 * The stuck signals that hold on these figures and are not set aside, in the order
	 * the progress page shows them.
	 */
	private static List<StuckSignal> signals(List<WeeklyFigures.Week> figures, List<PulseWeek> partners,
			LocalDate thisMonday, List<RecurringTopic> topics, Set<StuckSignal.Kind> dismissed) {
		List<StuckSignal> signals = new ArrayList<>();
		StuckSignals.promisesLow(figures).ifPresent(signals::add);
		StuckSignals.pulseFlat(partners, thisMonday).ifPresent(signals::add);
		StuckSignals.intenseFeelings(figures).ifPresent(signals::add);
		topics.stream().map(StuckSignals::topic).forEach(signals::add);
		signals.removeIf((s) -> dismissed.contains(s.kind()));
		return signals;
	}

	/** His partner's questions, when he is the one asked: figures only. */
	private Progress.Questions questions(AccountId owner, LocalDate from) {
		QuestionManagement.Tally tally = this.questions.tally(owner,
				from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
		if (!tally.linked() || tally.asker()) {
			return null;
		}
		return new Progress.Questions(tally.asked(), tally.answered(), tally.waiting(), tally.overdue(),
				tally.oldestWaitingDays(), Readings.questions(tally.asked(), tally.answered(), tally.waiting(),
						tally.overdue(), tally.oldestWaitingDays()));
	}

	/**
	 * He sets a signal aside; it may show again after two weeks if it still holds.
	 */
	@Transactional
	public void dismiss(AccountId owner, StuckSignal.Kind kind) {
		dismiss(owner, kind, this.accounts.today(owner));
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

	/** The signals each owner set aside that are still out of sight on his today. */
	private Map<AccountId, Set<StuckSignal.Kind>> dismissed(Map<AccountId, LocalDate> today) {
		Map<AccountId, Set<StuckSignal.Kind>> dismissed = new HashMap<>();
		today.keySet().forEach((owner) -> dismissed.put(owner, EnumSet.noneOf(StuckSignal.Kind.class)));
		if (today.isEmpty()) {
			return dismissed;
		}
		this.jdbc.sql("""
				SELECT owner_id, signal, until_date FROM insight_dismissal
				WHERE owner_id IN (:owners) AND until_date > :earliest
				""")
			.param("owners", today.keySet().stream().map(AccountId::value).toList())
			.param("earliest", today.values().stream().min(LocalDate::compareTo).get())
			.query((rs) -> {
				AccountId owner = new AccountId(rs.getObject("owner_id", UUID.class));
				if (rs.getObject("until_date", LocalDate.class).isAfter(today.get(owner))) {
					dismissed.get(owner).add(StuckSignal.Kind.valueOf(rs.getString("signal")));
				}
			});
		return dismissed;
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
