package app.steadfast.proof;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Recurrence;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.PlanDetails;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.RequestMenu;
import app.steadfast.couple.ReassuranceManagement;
import app.steadfast.couple.RequestsAndOffers;
import app.steadfast.library.ArticleContent;
import app.steadfast.library.ArticleManagement;
import app.steadfast.repair.Audience;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementPart;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Everyone around one client, for the proof suites: the client, another client, his
 * linked partner, his therapist (assigned, every category granted), another therapist,
 * and an admin; and factories for a real object of every kind a URL names, made through
 * the modules' public APIs (or, where the module keeps its API to itself, through the
 * same forms a person would use).
 */
final class ProofWorld {

	final TestPeople people;

	final Person admin;

	final Person therapist;

	final Person otherTherapist;

	final Person client;

	final Person otherClient;

	final Person partner;

	/** A partner linked to no one. */
	final Person otherPartner;

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final CheckInManagement checkIns;

	private final JournalManagement journal;

	private final CommitmentManagement commitments;

	private final ConversationManagement conversations;

	private final StatementManagement statements;

	private final QuestionManagement questions;

	private final RequestsAndOffers requests;

	private final ReassuranceManagement reassurance;

	private final CoupleManagement couple;

	private final SharingManagement sharing;

	private final ArticleManagement articles;

	private final AccountManagement accounts;

	private final Postbox postbox;

	private final app.steadfast.consultations.AppointmentManagement appointments;

	/** Consultation requests get a fresh network address each, so no limit is reached. */
	private static int addresses = 1;

	/**
	 * What the free text of each new object says: its own words, or (for the sentinel
	 * walkthrough) a sentinel.
	 */
	java.util.function.UnaryOperator<String> words = java.util.function.UnaryOperator.identity();

	ProofWorld(ApplicationContext context) {
		this.mvc = context.getBean(MockMvcTester.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.accounts = context.getBean(AccountManagement.class);
		this.checkIns = context.getBean(CheckInManagement.class);
		this.journal = context.getBean(JournalManagement.class);
		this.commitments = context.getBean(CommitmentManagement.class);
		this.conversations = context.getBean(ConversationManagement.class);
		this.statements = context.getBean(StatementManagement.class);
		this.questions = context.getBean(QuestionManagement.class);
		this.requests = context.getBean(RequestsAndOffers.class);
		this.reassurance = context.getBean(ReassuranceManagement.class);
		this.couple = context.getBean(CoupleManagement.class);
		this.sharing = context.getBean(SharingManagement.class);
		this.articles = context.getBean(ArticleManagement.class);
		this.postbox = context.getBean(Postbox.class);
		this.appointments = context.getBean(app.steadfast.consultations.AppointmentManagement.class);
		this.people = new TestPeople(this.accounts, this.jdbc, context.getBean(UserDetailsService.class));
		this.admin = this.people.withRole(Role.ADMIN);
		this.therapist = this.people.withRole(Role.THERAPIST);
		this.otherTherapist = this.people.withRole(Role.THERAPIST);
		this.client = this.people.client();
		this.otherClient = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		this.otherPartner = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.client, this.partner);
		partnerSharing(true);
		this.reassurance.turn(this.client.id(), true);
		this.reassurance.turn(this.partner.id(), true);
		ConsultationManagement consultations = context.getBean(ConsultationManagement.class);
		consultations.reassign(this.admin.id(), this.client.id(), this.therapist.id());
		// Every category anyone can be granted (her path answers no one can).
		for (Category category : Category.values()) {
			if (category.grantable()) {
				this.sharing.grant(this.client.id(), this.therapist.id(), category, GrantKind.THERAPIST, null);
			}
		}
	}

	/** Turns every category he can share with his partner on or off. */
	void partnerSharing(boolean on) {
		for (Category category : CoupleManagement.SHAREABLE) {
			this.couple.share(this.client.id(), category, on);
		}
	}

	/**
	 * His partner's safety answers ask for the pause, or no longer do (through the couple
	 * module's intake, as her form saves them).
	 */
	void safetyPause(boolean on) {
		new TestCouples(this.jdbc, this.couple).pause(this.partner, on);
	}

	/**
	 * A step of her path made for one call (the admin's removal of it), pointing to a
	 * shipped article; {@link #forgetPathSteps} takes it away again.
	 */
	String pathStep() {
		String key = "proof-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc
			.sql("""
					INSERT INTO path_step (step_key, position, title, article_slug, prompt, body, version)
					VALUES (:key, 99, 'A step for the proof', 'boundaries-after-trust-breaks', 'Which one?', 'Words.', 0)""")
			.param("key", key)
			.update();
		return key;
	}

	/** Takes away the steps of her path the proof made or added, removed or not. */
	void forgetPathSteps() {
		this.jdbc.sql("DELETE FROM path_step WHERE step_key LIKE 'proof-%' OR step_key LIKE 'matrix-%'").update();
	}

	/** Links him and his partner again if a request ended the link. */
	void relinkIfEnded() {
		if (this.couple.partnerOf(this.client.id()).isEmpty()) {
			new TestCouples(this.jdbc, this.couple).link(this.client, this.partner);
			partnerSharing(true);
		}
	}

	String words(String text) {
		return this.words.apply(text);
	}

	RequestPostProcessor as(Person person) {
		return this.people.signedIn(person);
	}

	// The objects, each new; the client (or his partner) owns them.

	UUID checkIn() {
		return this.checkIns
			.record(this.client.id(),
					new CheckInDetails(List.of("shame"), 6, BodyLocation.CHEST, words("A trigger"), null, null,
							Instant.now().minusSeconds(600)),
					false)
			.id()
			.value();
	}

	UUID journalEntry() {
		return this.journal.write(this.client.id(), null, words("A journal entry")).id();
	}

	UUID commitment() {
		CommitmentId id = this.commitments.create(this.client.id(),
				new CommitmentDetails(words("Call when plans change"), null, Recurrence.DAILY, Set.of(), null, null));
		return id.value();
	}

	String today() {
		return this.accounts.today(this.client.id()).toString();
	}

	UUID plan() {
		return this.conversations
			.prepare(this.client.id(),
					new PlanDetails(null, "Money " + UUID.randomUUID().toString().substring(0, 6), words("The budget"),
							words("That I listen"), Set.of(), null, words("I can see why that worried you.")))
			.id()
			.value();
	}

	UUID talk() {
		return this.conversations
			.log(this.client.id(),
					new TalkDetails(null, "Weekends " + UUID.randomUUID().toString().substring(0, 6), null,
							LocalDate.now().minusDays(1), 3, Escalation.NO, BreakTaken.NO, words("Slowing down"), null,
							false))
			.id()
			.value();
	}

	/** A topic of his (made by logging a talk about it). */
	UUID topic() {
		UUID talk = talk();
		return this.jdbc.sql("SELECT topic_id FROM conversation_log WHERE id = :id")
			.param("id", talk)
			.query(UUID.class)
			.single();
	}

	String phraseKey() {
		return this.conversations.phrases(this.client.id()).get(0).key();
	}

	UUID statement() {
		return this.statements
			.save(this.client.id(), null, Map.of(StatementPart.WHAT_HAPPENED, words("I lied about where I was.")))
			.statement()
			.value();
	}

	/** A statement version he shared with his partner and his therapist. */
	UUID sharedVersion() {
		var saved = this.statements.save(this.client.id(), null,
				Map.of(StatementPart.WHAT_HAPPENED, words("I lied about where I was.")));
		this.statements.share(this.client.id(), saved.statement(), saved.number(), Audience.PARTNER);
		this.statements.share(this.client.id(), saved.statement(), saved.number(), Audience.THERAPIST);
		return this.statements.version(this.client.id(), saved.statement(), saved.number()).id();
	}

	/** A question his partner asked him. */
	UUID question() {
		return this.questions
			.ask(this.partner.id(),
					List.of(new QuestionManagement.NewQuestion(words("Where were you that night?"), null)))
			.get(0)
			.value();
	}

	/** A request his partner made. */
	UUID partnerRequest() {
		this.requests.request(this.partner.id(), RequestMenu.SPACE, words(""));
		return this.requests.sentBy(this.partner.id()).get(0).id();
	}

	/** A quiet signal his partner sent him. */
	UUID quietSignal() {
		this.reassurance.signal(this.partner.id());
		return this.jdbc.sql("SELECT id FROM reassurance_signal WHERE partner_id = :p ORDER BY sent_at DESC, id")
			.param("p", this.partner.id().value())
			.query(UUID.class)
			.list()
			.get(0);
	}

	/** A line of his reassurance list: his only one, so the list never fills up. */
	UUID reassuranceItem() {
		this.jdbc.sql("DELETE FROM reassurance_item WHERE account_id = :c")
			.param("c", this.client.id().value())
			.update();
		this.reassurance.add(this.client.id(), words("Call you right away"));
		return this.jdbc.sql("SELECT id FROM reassurance_item WHERE account_id = :c")
			.param("c", this.client.id().value())
			.query(UUID.class)
			.single();
	}

	UUID article() {
		String slug = "proof-" + UUID.randomUUID().toString().substring(0, 8);
		return this.articles
			.create(new ArticleContent(slug, "A proof article", "A summary", List.of("proof"), null, null,
					"The practice", "Some words."))
			.value();
	}

	String publishedSlug() {
		return this.articles.published().get(0).slug();
	}

	String tag() {
		return this.articles.tags().get(0).tag();
	}

	/** His therapist's weekly hours (every day, 06:00 to 22:00), kept once. */
	private app.steadfast.consultations.AppointmentManagement hours() {
		app.steadfast.consultations.AppointmentManagement appointments = this.appointments;
		if (appointments.availabilityOf(this.therapist.id()).hours().isEmpty()) {
			for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
				appointments.addHours(this.therapist.id(), day, java.time.LocalTime.of(6, 0),
						java.time.LocalTime.of(22, 0));
			}
		}
		return appointments;
	}

	/** An open time with his therapist, as the booking form sends it. */
	String sessionTime() {
		return hours().openSessionTimes(this.client.id(), null).get(0).start().toString();
	}

	/** A session he booked with his therapist, through the module's API. */
	UUID session() {
		app.steadfast.consultations.AppointmentManagement appointments = hours();
		return appointments.book(this.client.id(), appointments.openSessionTimes(this.client.id(), null).get(0).start())
			.id();
	}

	/**
	 * A block of his therapist's weekly hours (Monday 05:00 to 06:00), there again each
	 * time it is asked for, as the form to remove it sends it.
	 */
	Map<String, String> hoursBlock() {
		app.steadfast.consultations.AppointmentManagement appointments = hours();
		boolean kept = appointments.availabilityOf(this.therapist.id())
			.hours()
			.stream()
			.anyMatch((h) -> h.day() == java.time.DayOfWeek.MONDAY && h.from().equals(java.time.LocalTime.of(5, 0)));
		if (!kept) {
			appointments.addHours(this.therapist.id(), java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(5, 0),
					java.time.LocalTime.of(6, 0));
		}
		return Map.of("day", "MONDAY", "from", "05:00");
	}

	/** Days off his therapist took, through the module's API. */
	UUID timeOff() {
		LocalDate day = LocalDate.now().plusDays(200);
		this.appointments.addTimeOff(this.therapist.id(), day, day);
		return this.jdbc.sql("SELECT id FROM therapist_time_off WHERE therapist_id = :t AND first_day = :d")
			.param("t", this.therapist.id().value())
			.param("d", day)
			.query(UUID.class)
			.list()
			.get(0);
	}

	/** A request for a consultation, sent through the public form. */
	UUID consultation() {
		List<UUID> before = this.jdbc.sql("SELECT id FROM consultation").query(UUID.class).list();
		String address = "10.77." + (addresses / 250) + "." + (addresses % 250 + 1);
		addresses++;
		assertThat(this.mvc.post().uri("/consultation").with(csrf()).with((r) -> {
			r.setRemoteAddr(address);
			return r;
		})
			.param("name", "Sam")
			.param("email", TestPeople.uniqueEmail("consult"))
			.param("phone", "")
			.param("contactBy", "EMAIL")
			.param("times", "WEEKDAY_MORNING")
			.param("topics", "REBUILDING_TRUST")
			.param("message", "I would like to talk.")
			.param("consent", "yes")).hasStatus3xxRedirection();
		List<UUID> after = this.jdbc.sql("SELECT id FROM consultation").query(UUID.class).list();
		return after.stream().filter((id) -> !before.contains(id)).findFirst().orElseThrow();
	}

	/** A staff account an admin can change. */
	UUID staff() {
		return this.accounts
			.createStaff(this.admin.id(), TestPeople.uniqueEmail("staff"), "A therapist", Role.THERAPIST)
			.id()
			.value();
	}

	/** A message in the outbox (mail kept locally when the server is away). */
	String outboxMessage() throws Exception {
		if (this.postbox.outbox().isEmpty()) {
			this.accounts.requestReset(this.client.email(), null);
		}
		if (this.postbox.outbox().isEmpty()) {
			return "none.eml";
		}
		return this.postbox.outbox().get(0).name();
	}

	/**
	 * A risk alert about him for his therapist (a fixture row: raising one is a flow).
	 */
	UUID alert() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_alert (id, client_id, therapist_id, source, record_id, kinds, raised_at)
				VALUES (:id, :client, :therapist, 'JOURNAL', :record, 'SELF_HARM', :now)
				""")
			.param("id", id)
			.param("client", this.client.id().value())
			.param("therapist", this.therapist.id().value())
			.param("record", UUID.randomUUID())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return id;
	}

	/** A session note his therapist wrote, through the therapist's form. */
	UUID note() {
		assertThat(this.mvc.post()
			.uri("/care/clients/{id}/notes", this.client.id().value())
			.with(as(this.therapist))
			.with(csrf())
			.param("sessionDate", LocalDate.now().toString())
			.param("body", words("We talked about the weekend."))
			.param("plan", "")).hasStatus3xxRedirection();
		return newest("care_note");
	}

	/** Homework his therapist set him, through the therapist's form. */
	UUID homework() {
		assertThat(this.mvc.post()
			.uri("/care/clients/{id}/homework", this.client.id().value())
			.with(as(this.therapist))
			.with(csrf())
			.param("kind", "TASK")
			.param("task", words("Write one honest sentence"))
			.param("dueDate", LocalDate.now().plusDays(3).toString())).hasStatus3xxRedirection();
		return this.jdbc.sql("SELECT id FROM care_homework WHERE client_id = :c ORDER BY assigned_at DESC, id")
			.param("c", this.client.id().value())
			.query(UUID.class)
			.list()
			.get(0);
	}

	/**
	 * A questionnaire his therapist asked him to fill in, through the therapist's form.
	 */
	/**
	 * A copy of the CSI-4 his therapist sent his partner, waiting for her (a new one once
	 * she has answered or declined the last).
	 */
	UUID partnersCopy() {
		assertThat(this.mvc.post()
			.uri("/care/clients/{id}/measures", this.client.id().value())
			.with(as(this.therapist))
			.with(csrf())
			.param("instrument", "CSI4")
			.param("partnerToo", "true")).hasStatus3xxRedirection();
		return this.jdbc
			.sql("SELECT id FROM care_measure WHERE client_id = :p AND about_client_id IS NOT NULL "
					+ "AND completed_at IS NULL AND declined_at IS NULL")
			.param("p", this.partner.id().value())
			.query(UUID.class)
			.single();
	}

	UUID measure() {
		assertThat(this.mvc.post()
			.uri("/care/clients/{id}/measures", this.client.id().value())
			.with(as(this.therapist))
			.with(csrf())
			.param("instrument", "GAD7")).hasStatus3xxRedirection();
		return this.jdbc
			.sql("SELECT id FROM care_measure WHERE client_id = :c AND completed_at IS NULL "
					+ "ORDER BY assigned_at DESC, id")
			.param("c", this.client.id().value())
			.query(UUID.class)
			.list()
			.get(0);
	}

	private UUID newest(String table) {
		return this.jdbc.sql("SELECT id FROM " + table + " WHERE client_id = :c ORDER BY created_at DESC, id")
			.param("c", this.client.id().value())
			.query(UUID.class)
			.list()
			.get(0);
	}

	/** The week of a review line he wrote, through his review form. */
	String reviewWeek() {
		assertThat(this.mvc.post()
			.uri("/insights/review")
			.with(as(this.client))
			.with(csrf())
			.param("learned", words("I listened before I answered."))).hasStatus3xxRedirection();
		return this.jdbc.sql("SELECT week_start FROM weekly_review WHERE owner_id = :c ORDER BY week_start DESC")
			.param("c", this.client.id().value())
			.query(LocalDate.class)
			.list()
			.get(0)
			.toString();
	}

}
