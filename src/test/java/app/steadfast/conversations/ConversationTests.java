package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Recurring topics against the real database (renamed and merged topics, the event), who
 * may read a log (and the audit of every partner read), her view beside his, and
 * encryption at rest.
 */
@SteadfastTest
@RecordApplicationEvents
class ConversationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConversationManagement conversations;

	@Autowired
	Topics topics;

	@Autowired
	Plans plans;

	@Autowired
	Talks talks;

	@Autowired
	PartnerViews partnerViews;

	@Autowired
	Phrases phrases;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ApplicationEvents events;

	TestPeople people;

	Person client;

	LocalDate today;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.today = this.conversations.today(this.client.id());
	}

	TalkDetails talk(TopicId topic, String newTopic, LocalDate on, boolean resolved) {
		return new TalkDetails((topic != null) ? topic.value() : null, newTopic, null, on, 3, Escalation.SOMEWHAT,
				BreakTaken.NO, null, null, resolved);
	}

	/**
	 * Links the two as a couple with both intakes answered (a fixture, not the couple
	 * flow, which its own tests prove), and shares his conversations with her.
	 */
	void linkAndShare(Person partner) {
		this.jdbc.sql("INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :c, :p, :now)")
			.param("id", java.util.UUID.randomUUID())
			.param("c", this.client.id().value())
			.param("p", partner.id().value())
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.update();
		for (Person person : List.of(this.client, partner)) {
			this.jdbc
				.sql("INSERT INTO couple_intake (account_id, answers, safety_pause, answered_at) "
						+ "VALUES (:id, 'fixture', FALSE, :now)")
				.param("id", person.id().value())
				.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
				.update();
		}
		this.sharing.grant(this.client.id(), partner.id(), Category.CONVERSATIONS, GrantKind.PARTNER, null);
		// Her views of his talks reach him while she shares conversations too.
		this.sharing.grant(partner.id(), this.client.id(), Category.CONVERSATIONS, GrantKind.PARTNER, null);
	}

	void safetyPause(Person partner, boolean paused) {
		this.jdbc.sql("UPDATE couple_intake SET safety_pause = :paused WHERE account_id = :id")
			.param("paused", paused)
			.param("id", partner.id().value())
			.update();
	}

	TopicId topicNamed(String name) {
		return this.topics.topics(this.client.id())
			.stream()
			.filter((t) -> t.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void theThirdTalkInFourWeeksMakesATopicRecurringAndPublishesOnlyIds() {
		this.conversations.log(this.client.id(), talk(null, "Money", this.today.minusDays(27), false));
		// The same name, typed again in another case, is the same topic.
		this.conversations.log(this.client.id(), talk(null, "money", this.today.minusDays(10), false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).isEmpty();

		TopicId money = topicNamed("Money");
		this.conversations.log(this.client.id(), talk(money, null, this.today, false));
		List<RecurringTopic> recurring = this.conversations.recurringTopics(this.client.id(), this.client.id());
		assertThat(recurring).singleElement().satisfies((r) -> {
			assertThat(r.name()).isEqualTo("Money");
			assertThat(r.count()).isEqualTo(3);
			assertThat(r.ordinal()).isEqualTo("third");
			assertThat(r.since()).isEqualTo(this.today.minusDays(27));
			assertThat(r.kinds()).containsExactly(RecurrenceKind.FREQUENT);
		});
		assertThat(this.mvc.get().uri("/conversations").with(this.people.signedIn(this.client))).bodyText()
			.contains("This is the third talk about “Money” since", "Topics that keep coming back");
	}

	@Test
	void aTalkOneDayOutsideTheFourWeeksDoesNotCount() {
		this.conversations.log(this.client.id(), talk(null, "Phone", this.today.minusDays(28), false));
		this.conversations.log(this.client.id(), talk(null, "Phone", this.today.minusDays(3), false));
		this.conversations.log(this.client.id(), talk(null, "Phone", this.today, false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).isEmpty();
	}

	@Test
	void aResolvedTopicThatComesBackIsShownWithItsDates() {
		this.conversations.log(this.client.id(), talk(null, "Her sister", this.today.minusDays(60), true));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).isEmpty();
		this.conversations.log(this.client.id(), talk(null, "Her sister", this.today.minusDays(1), false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).singleElement()
			.satisfies((r) -> {
				assertThat(r.kinds()).containsExactly(RecurrenceKind.CAME_BACK);
				assertThat(r.resolvedOn()).isEqualTo(this.today.minusDays(60));
				assertThat(r.dates()).containsExactly(this.today.minusDays(60), this.today.minusDays(1));
			});
	}

	@Test
	void aRenamedTopicKeepsItsTalksAndItsEarlierName() {
		this.conversations.log(this.client.id(), talk(null, "Money", this.today.minusDays(20), false));
		this.conversations.log(this.client.id(), talk(null, "Money", this.today.minusDays(10), false));
		TopicId money = topicNamed("Money");
		this.topics.rename(this.client.id(), money, "Spending and secrets");
		this.conversations.log(this.client.id(), talk(money, null, this.today, false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).singleElement()
			.satisfies((r) -> {
				assertThat(r.name()).isEqualTo("Spending and secrets");
				assertThat(r.count()).isEqualTo(3);
			});
		assertThat(this.topics.topics(this.client.id())).singleElement().satisfies((t) -> {
			assertThat(t.earlierNames()).containsExactly("Money");
			assertThat(t.talks()).isEqualTo(3);
		});
		// A new talk typed with the old name starts a new topic: the old name is history.
		this.conversations.log(this.client.id(), talk(null, "Money", this.today, false));
		assertThat(this.topics.topics(this.client.id())).hasSize(2);
		assertThatThrownBy(() -> this.topics.rename(this.client.id(), money, "money"))
			.isInstanceOf(InvalidConversation.class);
		assertThatThrownBy(() -> this.topics.rename(this.client.id(), money, " "))
			.isInstanceOf(InvalidConversation.class);
	}

	@Test
	void mergedTopicsCountAsOneFromThenOn() {
		this.conversations.log(this.client.id(), talk(null, "Money", this.today.minusDays(20), false));
		this.conversations.log(this.client.id(), talk(null, "The credit card", this.today.minusDays(5), false));
		this.conversations.log(this.client.id(), talk(null, "Money", this.today.minusDays(2), false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).isEmpty();
		TopicId money = topicNamed("Money");
		TopicId card = topicNamed("The credit card");

		this.topics.merge(this.client.id(), card, money);
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).singleElement()
			.satisfies((r) -> {
				assertThat(r.topic()).isEqualTo(money);
				assertThat(r.name()).isEqualTo("Money");
				assertThat(r.count()).isEqualTo(3);
			});
		assertThat(this.topics.topics(this.client.id())).singleElement().satisfies((t) -> {
			assertThat(t.merged()).containsExactly("The credit card");
			assertThat(t.talks()).isEqualTo(3);
		});
		// A talk logged on the merged topic counts for the one it joined.
		this.conversations.log(this.client.id(), talk(card, null, this.today, false));
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).singleElement()
			.satisfies((r) -> assertThat(r.count()).isEqualTo(4));
		assertThat(this.talks.talks(this.client.id(), this.client.id()))
			.allSatisfy((t) -> assertThat(t.topic()).isEqualTo(money));
		// Merging into itself, or twice, is refused plainly.
		assertThatThrownBy(() -> this.topics.merge(this.client.id(), money, money))
			.isInstanceOf(InvalidConversation.class);
		assertThatThrownBy(() -> this.topics.merge(this.client.id(), card, money)).isInstanceOf(NotFound.class);
	}

	@Test
	void chainedMergesLandOnOneTopic() {
		this.conversations.log(this.client.id(), talk(null, "Aa", this.today.minusDays(3), false));
		this.conversations.log(this.client.id(), talk(null, "Bb", this.today.minusDays(2), false));
		this.conversations.log(this.client.id(), talk(null, "Cc", this.today.minusDays(1), false));
		TopicId a = topicNamed("Aa");
		TopicId b = topicNamed("Bb");
		TopicId c = topicNamed("Cc");
		this.topics.merge(this.client.id(), a, b);
		this.topics.merge(this.client.id(), b, c);
		assertThat(this.conversations.recurringTopics(this.client.id(), this.client.id())).singleElement()
			.satisfies((r) -> {
				assertThat(r.topic()).isEqualTo(c);
				assertThat(r.count()).isEqualTo(3);
			});
	}

	@Test
	void othersSeeHisLogOnlyThroughAShareTheirReadsAreAuditedAndPlansStayHis() {
		Receipt<PlanId> plan = this.plans.prepare(this.client.id(), new PlanDetails(null, "Money", "The card statement",
				null, Set.of(DefensiveMove.EXPLAINING), null, "It makes sense you're angry."));
		TalkId talk = this.conversations
			.log(this.client.id(),
					new TalkDetails(null, "Money", plan.id().value(), this.today, 4, Escalation.BADLY,
							BreakTaken.CAME_BACK, "Breathing before answering", "Ask before explaining", false))
			.id();
		Person partner = this.people.withRole(Role.PARTNER);
		Person stranger = this.people.client();
		assertThatThrownBy(() -> this.conversations.talk(partner.id(), talk)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.talks.talks(partner.id(), this.client.id())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.conversations.recurringTopics(partner.id(), this.client.id()))
			.isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/conversations/talks/{id}", talk.value()).with(this.people.signedIn(stranger)))
			.hasStatus(404);
		assertThat(
				this.mvc.get().uri("/conversations/plans/{id}", plan.id().value()).with(this.people.signedIn(stranger)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/conversations/shared").with(this.people.signedIn(partner))).bodyText()
			.contains("No conversation log is shared with you")
			.doesNotContain("Breathing before answering");

		// Sharing commitments does not share conversations.
		this.sharing.grant(this.client.id(), partner.id(), Category.COMMITMENTS, GrantKind.PARTNER, null);
		assertThatThrownBy(() -> this.conversations.talk(partner.id(), talk)).isInstanceOf(NotFound.class);
		this.sharing.grant(this.client.id(), partner.id(), Category.CONVERSATIONS, GrantKind.PARTNER, null);
		assertThat(this.conversations.talk(partner.id(), talk).helped()).isEqualTo("Breathing before answering");
		assertThat(this.mvc.get().uri("/conversations/shared").with(this.people.signedIn(partner))).bodyText()
			.contains("Money", "Breathing before answering")
			.doesNotContain("Add my view");
		assertThat(this.audit.about(this.client.id().value(), 20))
			.anyMatch((row) -> row.action() == AuditAction.RECORD_READ && partner.id().value().equals(row.actorId())
					&& "CONVERSATIONS".equals(row.category()) && talk.value().toString().equals(row.recordRef()))
			.anyMatch((row) -> row.action() == AuditAction.RECORD_READ && partner.id().value().equals(row.actorId())
					&& "CONVERSATIONS".equals(row.category()) && "talks".equals(row.recordRef()));
		// Plans are his alone, shared log or not; his own pages stay his.
		assertThatThrownBy(() -> this.plans.plan(partner.id(), plan.id())).isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/conversations").with(this.people.signedIn(partner))).hasStatus(403);
		assertThat(this.mvc.get().uri("/conversations/pause").with(this.people.signedIn(partner))).hasStatus(403);
		assertThat(this.mvc.get().uri("/conversations/talks/{id}", talk.value()).with(this.people.signedIn(partner)))
			.hasStatus(403);
	}

	@Test
	void herViewStandsBesideHisLogAndNeverChangesIt() {
		TalkId talk = this.conversations
			.log(this.client.id(),
					new TalkDetails(null, "Money", null, this.today, 2, Escalation.NO, BreakTaken.NO, "I listened",
							null, true))
			.id();
		Person partner = this.people.withRole(Role.PARTNER);
		assertThat(view(partner, talk, "BADLY", "2", "")).hasStatus(404);
		// A share without a couple link (a therapist's, say) lets them read but not add a
		// view.
		Person therapist = this.people.withRole(Role.THERAPIST);
		this.sharing.grant(this.client.id(), therapist.id(), Category.CONVERSATIONS, GrantKind.THERAPIST, null);
		assertThatThrownBy(() -> this.partnerViews.give(therapist.id(), talk, Escalation.NO, 5, null))
			.isInstanceOf(NotFound.class);
		linkAndShare(partner);
		assertThat(this.mvc.get().uri("/conversations/shared").with(this.people.signedIn(partner))).bodyText()
			.contains("I listened", "Add my view");

		assertThat(view(partner, talk, "BADLY", "2", "He raised his voice at the end"))
			.hasRedirectedUrl("/conversations/shared#talk-" + talk.value());
		TalkView seen = this.conversations.talk(this.client.id(), talk);
		assertThat(seen.escalation()).isEqualTo(Escalation.NO);
		assertThat(seen.defensiveness()).isEqualTo(2);
		assertThat(seen.helped()).isEqualTo("I listened");
		assertThat(seen.partnerViews()).containsExactly(
				new TalkView.PartnerView(partner.id(), Escalation.BADLY, 2, "He raised his voice at the end"));
		assertThat(
				this.mvc.get().uri("/conversations/talks/{id}", talk.value()).with(this.people.signedIn(this.client)))
			.bodyText()
			.contains("Your view", "Your partner's view", "Badly", "2 of 5", "He raised his voice at the end");

		// Giving it again replaces her earlier view; bad input changes nothing.
		assertThat(view(partner, talk, "SOMEWHAT", "4", ""))
			.hasRedirectedUrl("/conversations/shared#talk-" + talk.value());
		// A rule broken: its message beside its field, her note and choices kept.
		var outOfRange = view(partner, talk, "SOMEWHAT", "9", "It went better");
		assertThat(outOfRange.getMvcResult().getFlashMap().get("problems"))
			.isEqualTo(java.util.Map.of("feltHeard", "Choose how heard you felt, from 1 to 5."));
		assertThat(this.mvc.get()
			.uri("/conversations/shared")
			.with(this.people.signedIn(partner))
			.cookie(TestPeople.sessionOf(outOfRange)))
			.bodyText()
			.contains("id=\"feltHeard-" + talk.value() + "-error\">Choose how heard you felt, from 1 to 5.</p>",
					"value=\"It went better\"", "value=\"SOMEWHAT\" checked")
			.doesNotContain("id=\"escalation-" + talk.value() + "-error\"");
		// Choices that are none of the options: a message beside each field, her note
		// kept.
		var unreadable = view(partner, talk, "LOUDLY", "x", "Not sure");
		assertThat(unreadable.getMvcResult().getFlashMap().get("problems")).isEqualTo(java.util.Map.of("escalation",
				"Choose whether it escalated.", "feltHeard", "Choose how heard you felt, from 1 to 5."));
		assertThat(this.mvc.get()
			.uri("/conversations/shared")
			.with(this.people.signedIn(partner))
			.cookie(TestPeople.sessionOf(unreadable))).bodyText()
			.contains("id=\"escalation-" + talk.value() + "-error\">Choose whether it escalated.</p>",
					"id=\"feltHeard-" + talk.value() + "-error\">", "value=\"Not sure\"");
		assertThat(this.conversations.talk(this.client.id(), talk).partnerViews())
			.containsExactly(new TalkView.PartnerView(partner.id(), Escalation.SOMEWHAT, 4, null));
		// While her safety pause holds, nothing of hers reaches him and she cannot add
		// more.
		safetyPause(partner, true);
		assertThat(this.conversations.talk(this.client.id(), talk).partnerViews()).isEmpty();
		assertThat(
				this.mvc.get().uri("/conversations/talks/{id}", talk.value()).with(this.people.signedIn(this.client)))
			.bodyText()
			.doesNotContain("Your partner's view");
		assertThat(this.partnerViews.mayAddView(partner.id(), this.client.id())).isFalse();
		assertThat(view(partner, talk, "NO", "5", "")).hasStatus(404);
		safetyPause(partner, false);
		assertThat(this.conversations.talk(this.client.id(), talk).partnerViews()).hasSize(1);
		// He cannot give her view of his own talk; a stranger sees nothing.
		assertThat(view(this.client, talk, "NO", "5", "")).hasStatus(404);
		assertThat(view(this.people.withRole(Role.PARTNER), talk, "NO", "5", "")).hasStatus(404);
		assertThat(
				this.mvc.post().uri("/conversations/shared/not-an-id").with(this.people.signedIn(partner)).with(csrf()))
			.hasStatus(404);
		// Her words are checked like his: crisis resources at once, saved all the same.
		assertThat(view(partner, talk, "BADLY", "1", "").getMvcResult().getFlashMap().get("crisis")).isEqualTo(false);
		assertThat(
				view(partner, talk, "BADLY", "1", "Some days I want to die").getMvcResult().getFlashMap().get("crisis"))
			.isEqualTo(true);
		assertThat(this.events.stream(RiskLanguageDetected.class)).singleElement()
			.satisfies((e) -> assertThat(e.owner()).isEqualTo(partner.id().value()));
		assertThat(this.conversations.talk(this.client.id(), talk).partnerViews().get(0).note())
			.isEqualTo("Some days I want to die");
	}

	@Test
	void freeTextAndTopicNamesAreEncryptedAtRest() {
		Receipt<PlanId> plan = this.plans.prepare(this.client.id(),
				new PlanDetails(null, "Gambling debts", "The loan I hid", "That I know I lied",
						Set.of(DefensiveMove.GOING_SILENT), "Not 'everyone does it'", "Your anger makes sense"));
		TalkId talk = this.conversations
			.log(this.client.id(),
					new TalkDetails(null, "Gambling debts", plan.id().value(), this.today, 3, Escalation.SOMEWHAT,
							BreakTaken.NOT_BACK_YET, "Slowing down", "Stay in the room", false))
			.id();
		Person partner = this.people.withRole(Role.PARTNER);
		linkAndShare(partner);
		this.partnerViews.give(partner.id(), talk, Escalation.NO, 3, "Calmer than before");
		this.phrases.add(this.client.id(), "I'm here and I'm listening");
		this.phrases.edit(this.client.id(), "hear-you", "So you're saying...");

		String raw = String.join("\n",
				this.jdbc.sql("SELECT name FROM conversation_topic WHERE owner_id = :o")
					.param("o", this.client.id().value())
					.query(String.class)
					.list()
					.toString(),
				this.jdbc.sql(
						"SELECT CONCAT(about, may_need, wont_say_other, validation) FROM conversation_plan WHERE id = :id")
					.param("id", plan.id().value())
					.query(String.class)
					.single(),
				this.jdbc.sql("SELECT CONCAT(helped, next_time) FROM conversation_log WHERE id = :id")
					.param("id", talk.value())
					.query(String.class)
					.single(),
				this.jdbc.sql("SELECT note FROM conversation_partner_view WHERE log_id = :id")
					.param("id", talk.value())
					.query(String.class)
					.single(),
				this.jdbc.sql("SELECT text FROM conversation_phrase WHERE owner_id = :o")
					.param("o", this.client.id().value())
					.query(String.class)
					.list()
					.toString());
		for (String words : List.of("Gambling", "loan", "lied", "everyone", "anger", "Slowing", "room", "Calmer",
				"listening", "saying")) {
			assertThat(raw).doesNotContainIgnoringCase(words);
		}
		assertThat(this.plans.plan(this.client.id(), plan.id()).about()).isEqualTo("The loan I hid");
	}

	@Test
	void riskLanguageInTheLogShowsCrisisResourcesAndNeverBlocksSaving() {
		Receipt<TalkId> saved = this.conversations.log(this.client.id(), new TalkDetails(null, "Us", null, this.today,
				5, Escalation.BADLY, BreakTaken.NO, null, "Honestly I don't want to be here anymore", false));
		assertThat(saved.crisis()).isTrue();
		assertThat(this.conversations.talk(this.client.id(), saved.id()).nextTime())
			.isEqualTo("Honestly I don't want to be here anymore");
		assertThat(this.events.stream(RiskLanguageDetected.class)).singleElement().satisfies((e) -> {
			assertThat(e.source()).isEqualTo(RiskSource.CONVERSATION);
			assertThat(e.record()).isEqualTo(saved.id().value());
		});
		assertThat(this.conversations
			.log(this.client.id(),
					new TalkDetails(null, "Us", null, this.today, 5, Escalation.BADLY, BreakTaken.NO,
							"This argument is killing me", null, false))
			.crisis()).isFalse();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult view(Person who, TalkId talk, String escalation,
			String heard, String note) {
		return this.mvc.post()
			.uri("/conversations/shared/{id}", talk.value())
			.with(this.people.signedIn(who))
			.with(csrf())
			.param("escalation", escalation)
			.param("feltHeard", heard)
			.param("note", note)
			.exchange();
	}

}
