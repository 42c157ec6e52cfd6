package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.checkins.CheckInChanged;
import app.steadfast.checkins.CheckInRecorded;
import app.steadfast.commitments.CommitmentDayRecorded;
import app.steadfast.conversations.TalkLogged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Drops kept weekly figures when their source changes, so the next view computes them
 * afresh. A check-in can move between weeks when edited, so a check-in change drops all
 * of that person's check-in weeks; a recorded commitment day drops only its own week.
 */
@Component
class FiguresListener {

	private final WeeklyFigures figures;

	private final AccountManagement accounts;

	FiguresListener(WeeklyFigures figures, AccountManagement accounts) {
		this.figures = figures;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(CheckInRecorded event) {
		this.figures.forget(event.owner(), WeeklyFigures.CHECKINS,
				LocalDate.ofInstant(event.occurredAt(), this.accounts.zone(event.owner()))
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
	}

	@ApplicationModuleListener
	void on(CheckInChanged event) {
		this.figures.forget(event.owner(), WeeklyFigures.CHECKINS);
	}

	@ApplicationModuleListener
	void on(TalkLogged event) {
		this.figures.forget(event.owner(), WeeklyFigures.CONVERSATIONS,
				event.talkedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
	}

	@ApplicationModuleListener
	void on(CommitmentDayRecorded event) {
		this.figures.forget(event.owner(), WeeklyFigures.COMMITMENTS,
				event.dueDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
	}

}
