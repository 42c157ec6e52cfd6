package app.steadfast.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.Response;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.commitments.Seen;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.IntakeAnswers;
import app.steadfast.couple.Helped;
import app.steadfast.couple.PulseManagement;
import app.steadfast.couple.ReassuranceManagement;
import app.steadfast.couple.SafetyAnswer;
import app.steadfast.repair.Audience;
import app.steadfast.repair.Importance;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.repair.QuestionView;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementId;
import app.steadfast.repair.StatementPart;
import app.steadfast.shared.Practice;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo practice's last three weeks, written once at start-up with the demo profile
 * (never otherwise): the demo client linked to the demo partner and to the demo
 * therapist, with check-ins, promises kept and missed, a statement in two versions, a
 * talk, weekly pulses from both, his partner's questions (one answered), grants to his
 * therapist and one consultation request waiting for staff. A second start finds the
 * client linked and writes nothing; the three weeks are written in one transaction, so a
 * start that fails leaves none of it behind.
 */
@Component
@Profile("demo")
class DemoWorld {

	static final String CLIENT = "client@madrega.example";

	static final String PARTNER = "partner@madrega.example";

	static final String THERAPIST = "therapist@madrega.example";

	static final String ADMIN = "admin@madrega.example";

	private static final String MONEY = "Where did the money from the savings account go?";

	/** How far back the history starts. */
	static final int DAYS = 21;

	private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

	private final DemoClock clock;

	private final Practice practice;

	private final TransactionTemplate transaction;

	private final AccountManagement accounts;

	private final CoupleManagement couple;

	private final PulseManagement pulse;

	private final SharingManagement sharing;

	private final ConsultationManagement consultations;

	private final CheckInManagement checkIns;

	private final CommitmentManagement commitments;

	private final StatementManagement statements;

	private final QuestionManagement questions;

	private final ConversationManagement conversations;

	private final ReassuranceManagement reassurance;

	DemoWorld(DemoClock clock, Practice practice, TransactionTemplate transaction, AccountManagement accounts,
			CoupleManagement couple, PulseManagement pulse, SharingManagement sharing,
			ConsultationManagement consultations, CheckInManagement checkIns, CommitmentManagement commitments,
			StatementManagement statements, QuestionManagement questions, ConversationManagement conversations,
			ReassuranceManagement reassurance) {
		this.reassurance = reassurance;
		this.clock = clock;
		this.practice = practice;
		this.transaction = transaction;
		this.accounts = accounts;
		this.couple = couple;
		this.pulse = pulse;
		this.sharing = sharing;
		this.consultations = consultations;
		this.checkIns = checkIns;
		this.commitments = commitments;
		this.statements = statements;
		this.questions = questions;
		this.conversations = conversations;
	}

	// After every start-up runner, so the demo accounts exist.
	@EventListener(ApplicationReadyEvent.class)
	void writeOnce() {
		Optional<Person> client = this.accounts.findByEmail(CLIENT);
		Optional<Person> partner = this.accounts.findByEmail(PARTNER);
		Optional<Person> therapist = this.accounts.findByEmail(THERAPIST);
		Optional<Person> admin = this.accounts.findByEmail(ADMIN);
		if (client.isEmpty() || partner.isEmpty() || therapist.isEmpty() || admin.isEmpty()) {
			log.info("The demo history was not written: the demo accounts are not all there.");
			return;
		}
		if (this.couple.partnerOf(client.get().id()).isPresent()
				|| this.couple.partnerOf(partner.get().id()).isPresent()) {
			return;
		}
		People people = new People(client.get().id(), partner.get().id(), therapist.get().id(), admin.get().id());
		try {
			this.transaction.executeWithoutResult((status) -> write(people));
		}
		finally {
			this.clock.backToNow();
		}
		log.info("The demo history is written: {} linked to {} and to {}, with {} days behind them.",
				client.get().displayName(), partner.get().displayName(), therapist.get().displayName(), DAYS);
	}

	record People(AccountId client, AccountId partner, AccountId therapist, AccountId admin) {
	}

	private void write(People people) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.practice.zone()));
		LocalDate first = today.minusDays(DAYS);

		at(first, 9, 0);
		this.consultations.reassign(people.admin(), people.client(), people.therapist());
		for (Category category : List.of(Category.CHECKINS, Category.COMMITMENTS, Category.STATEMENTS,
				Category.CONVERSATIONS, Category.INSIGHTS, Category.RISK_ALERTS)) {
			// His journal stays his own: granting is per category.
			this.sharing.grant(people.client(), people.therapist(), category, GrantKind.THERAPIST, null);
		}
		at(first, 19, 30);
		this.couple.linkPrepared(people.client(), people.partner());
		this.couple.answerIntake(people.client(), new IntakeAnswers("I lied about money and about where I was.",
				"That we can talk without it turning into a fight.", SafetyAnswer.NO, SafetyAnswer.NO));
		at(first, 21, 0);
		this.couple.answerIntake(people.partner(), new IntakeAnswers("Finding out about the lies, all at once.",
				"To know that what I'm told is true.", SafetyAnswer.NO, SafetyAnswer.NO));
		for (Category category : List.of(Category.CHECKINS, Category.COMMITMENTS, Category.CONVERSATIONS,
				Category.PULSE)) {
			this.couple.share(people.client(), category, true);
		}
		this.couple.share(people.partner(), Category.PULSE, true);
		// The quiet signal, on for both, with what each agreed helps.
		this.reassurance.turn(people.partner(), true);
		for (String line : List.of("Tell me where you are and when you'll be home.",
				"Sit with me for ten minutes, phone in another room.", "Say you're not going anywhere.")) {
			this.reassurance.add(people.partner(), line);
		}
		this.reassurance.turn(people.client(), true);
		for (String line : List.of("Call you right away, wherever I am.", "Come home early if I can.",
				"Answer whatever you ask, without sighing.")) {
			this.reassurance.add(people.client(), line);
		}

		at(first, 21, 15);
		CommitmentId dinner = this.commitments.create(people.client(),
				new CommitmentDetails("Phone face up on the table at dinner", "So there is nothing to wonder about.",
						Recurrence.DAILY, Set.of(), null, null));
		CommitmentId leaving = this.commitments.create(people.client(), new CommitmentDetails("Text when I leave work",
				"So plans changing never turns into a mystery.", Recurrence.WEEKDAYS, Set.of(), null, null));

		for (int n = 0; n < DAYS; n++) {
			day(people, first.plusDays(n), n, dinner, leaving);
		}
	}

	/** One day of their life, in the order it would have been written. */
	private void day(People people, LocalDate day, int n, CommitmentId dinner, CommitmentId leaving) {
		if (n == 4 || n == 11 || n == 17) {
			// A hard evening for her: one tap, and afterwards both say whether it helped.
			at(day, 22, 10);
			this.reassurance.signal(people.partner());
			at(day, 22, 50);
			java.util.UUID signal = this.reassurance.view(people.client()).signals().get(0).id();
			this.reassurance.helped(people.client(), signal, (n == 4) ? Helped.A_LITTLE : Helped.YES);
			this.reassurance.helped(people.partner(), signal, (n == 4) ? Helped.NO : Helped.YES);
		}
		if (n % 7 != 5) {
			at(day, 7, 40);
			Feeling feeling = FEELINGS.get(n % FEELINGS.size());
			this.checkIns.record(people.client(), new CheckInDetails(List.of(feeling.word()), feeling.intensity(),
					feeling.body(), feeling.trigger(), feeling.response(), null, moment(day, 7, 20)), false);
		}
		if (n == DAYS - 1) {
			consultationRequest(day);
		}
		if (day.getDayOfWeek().getValue() <= 5) {
			at(day, 17, 45);
			// Early on he forgot now and then; then it held.
			boolean kept = n != 2 && n != 4 && n != 11;
			this.commitments.record(people.client(), leaving, day, kept ? Outcome.KEPT : Outcome.MISSED,
					kept ? "Texted from the car park." : null,
					kept ? null : "A meeting ran late and I rushed out without thinking of it.");
		}
		switch (n) {
			case 3 -> firstStatement(people, day);
			case 5 -> askQuestions(people, day);
			case 6 -> answerQuestions(people, day);
			case 10 -> secondStatement(people, day);
			case 11 -> respondToStatement(people, day);
			default -> {
			}
		}
		if (day.getDayOfWeek() == DayOfWeek.SUNDAY || n == DAYS - 1) {
			LocalDate firstMonday = day.minusDays(n).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			pulses(people, day, (int) ChronoUnit.WEEKS.between(firstMonday, day));
		}
		at(day, 21, 30);
		boolean kept = n != 6 && n != 13;
		this.commitments.record(people.client(), dinner, day, kept ? Outcome.KEPT : Outcome.MISSED,
				kept ? null : "Picked it up when it buzzed.", kept ? null : "A work message. It could have waited.");
		if (n % 4 == 0 && kept) {
			at(day, 22, 0);
			this.commitments.witness(people.partner(), dinner, day, Seen.CONFIRMED, "I noticed.");
		}
		if (n == 13) {
			at(day, 22, 0);
			this.commitments.witness(people.partner(), dinner, day, Seen.SAW_DIFFERENTLY,
					"It was in your hand for most of the meal.");
		}
		if (n % 3 == 1) {
			at(day, 22, 10);
			Feeling feeling = HER_FEELINGS.get(n % HER_FEELINGS.size());
			this.checkIns.record(people.partner(), new CheckInDetails(List.of(feeling.word()), feeling.intensity(),
					feeling.body(), feeling.trigger(), feeling.response(), null, moment(day, 21, 45)), false);
		}
		if (n == 12) {
			talk(people, day, 4, Escalation.SOMEWHAT, BreakTaken.CAME_BACK,
					"Asking for ten minutes, then coming back.");
		}
		if (n == 18) {
			talk(people, day, 2, Escalation.NO, BreakTaken.NO, "Saying back what I heard before answering.");
		}
	}

	private void firstStatement(People people, LocalDate day) {
		at(day, 20, 0);
		Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
		words.put(StatementPart.WHAT_HAPPENED,
				"For months I lied to you about money, and about where I was on the evenings I said I was working.");
		words.put(StatementPart.RESPONSIBILITY, "I chose to lie. Nobody made me.");
		this.statements.save(people.client(), null, words);
	}

	private void secondStatement(People people, LocalDate day) {
		at(day, 20, 30);
		StatementId first = this.statements.statements(people.client()).get(0).id();
		Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
		words.put(StatementPart.WHAT_HAPPENED, "For months I lied to you about money, and about where I was on the "
				+ "evenings I said I was working. I hid the account statements so you would not see them.");
		words.put(StatementPart.RESPONSIBILITY,
				"I chose to lie, every time. Nobody made me, and it was not the stress.");
		words.put(StatementPart.IMPACT, "You stopped being able to believe ordinary things I say, like when I will be "
				+ "home. You have been checking and doubting, and that is exhausting, and it is because of me.");
		words.put(StatementPart.REGRET, "I am sorry I lied to you.");
		words.put(StatementPart.DIFFERENTLY,
				"I text when I leave work. My phone stays face up at dinner. I answer your questions, even the hard ones.");
		words.put(StatementPart.REPAIR, "I will show you the accounts whenever you ask. Tell me what else would help.");
		StatementManagement.Saved second = this.statements.save(people.client(), first, words);
		this.statements.share(people.client(), second.statement(), second.number(), Audience.PARTNER);
		this.statements.share(people.client(), second.statement(), second.number(), Audience.THERAPIST);
	}

	private void respondToStatement(People people, LocalDate day) {
		at(day, 20, 40);
		UUID version = this.statements.sharedWith(people.partner()).get(0).id();
		this.statements.respond(people.partner(), version,
				"Reading the part about checking and doubting, I felt seen. I'm not there yet, but this helps.");
	}

	private void askQuestions(People people, LocalDate day) {
		at(day, 21, 0);
		this.questions.ask(people.partner(), List.of(new QuestionManagement.NewQuestion(MONEY, Importance.HIGH),
				new QuestionManagement.NewQuestion("Did anyone else know what was going on?", Importance.MEDIUM)));
	}

	private void answerQuestions(People people, LocalDate day) {
		at(day, 20, 15);
		for (QuestionView question : this.questions.board(people.client()).questions()) {
			if (question.words().equals(MONEY)) {
				this.questions.answer(people.client(), question.id(), "Most of it went on paying off a loan I took out "
						+ "without telling you. The rest went on evenings out that I lied about. I'll show you the "
						+ "statements.");
			}
			else {
				this.questions.needsTime(people.client(), question.id(), day.plusDays(DAYS));
			}
		}
	}

	private void talk(People people, LocalDate day, int defensiveness, Escalation escalation, BreakTaken breakTaken,
			String helped) {
		at(day, 22, 30);
		this.conversations.log(people.client(), new TalkDetails(null, "Weekends with friends", null, day, defensiveness,
				escalation, breakTaken, helped, "Listen to the end before I answer.", false));
	}

	private void pulses(People people, LocalDate day, int week) {
		at(day, 19, 0);
		// Her view rises slowly; his own runs a little ahead of hers, which is where the
		// work is.
		this.pulse.answer(people.partner(), List.of(2 + week, 3 + week, 2 + week, 2 + week, 3 + week),
				(week == 0) ? "Hard week." : "The texts help more than I expected.", true);
		at(day, 19, 15);
		this.pulse.answer(people.client(), List.of(4 + week, 4 + week, 3 + week, 3 + week, 4 + week), null, true);
	}

	/**
	 * A request from someone new, waiting for staff, as the public form would leave it.
	 */
	private void consultationRequest(LocalDate day) {
		at(day, 13, 5);
		this.consultations.receiveWaiting("Daniel R.", "daniel.r@example.com",
				"My partner found out I had been hiding debts. We keep having the same argument and I "
						+ "don't know how to stop getting defensive.");
	}

	private void at(LocalDate day, int hour, int minute) {
		this.clock.writeAt(moment(day, hour, minute));
	}

	private Instant moment(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(this.practice.zone()).toInstant();
	}

	record Feeling(String word, int intensity, BodyLocation body, String trigger, Response response) {
	}

	private static final List<Feeling> FEELINGS = List.of(
			new Feeling("ashamed", 7, BodyLocation.CHEST, "The bank statement came up again.", Response.NAMED_IT),
			new Feeling("anxious", 6, BodyLocation.STOMACH, "Waiting for Jordan to get home.", Response.BREATHED),
			new Feeling("defensive", 6, BodyLocation.JAW, "Something true I said was doubted.", Response.DEFENDED),
			new Feeling("guilty", 5, BodyLocation.SHOULDERS, "Saw the kids' faces at breakfast.", Response.WROTE),
			new Feeling("lonely", 5, BodyLocation.CHEST, "Evening on my own after the talk.", Response.TALKED),
			new Feeling("hopeful", 4, BodyLocation.NONE, "We laughed at dinner.", Response.NAMED_IT),
			new Feeling("frustrated", 6, BodyLocation.HANDS, "Felt like nothing I do is enough.",
					Response.ASKED_FOR_TIME),
			new Feeling("steady", 3, BodyLocation.NONE, "A quiet morning together.", Response.NAMED_IT),
			new Feeling("afraid", 6, BodyLocation.THROAT, "Jordan said they need time to think.", Response.BREATHED),
			new Feeling("grateful", 4, BodyLocation.CHEST, "Jordan said the text helped.", Response.NAMED_IT));

	private static final List<Feeling> HER_FEELINGS = List.of(
			new Feeling("hurt", 7, BodyLocation.CHEST, "Found another receipt.", Response.WROTE),
			new Feeling("anxious", 6, BodyLocation.STOMACH, "Marcus was late and I waited for the text.",
					Response.BREATHED),
			new Feeling("reassured", 4, BodyLocation.NONE, "The text came when Marcus said it would.",
					Response.NAMED_IT),
			new Feeling("drained", 5, BodyLocation.HEAD, "Another long talk.", Response.MOVED));

}
