package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.steadfast.HostileInput;
import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every conversation form through the web layer: good input is saved, bad input gets a
 * clear message next to its field with what he typed kept, and nothing leads to an error
 * page.
 */
@SteadfastTest
class ConversationWebTests {

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
	Phrases phrases;

	@Autowired
	BreathingPreferences breathing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	app.steadfast.checkins.CheckInManagement checkIns;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	MvcTestResult post(String uri, String... params) {
		var request = this.mvc.post().uri(uri).with(this.people.signedIn(this.client)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.people.signedIn(this.client)).exchange();
	}

	@Test
	void everyPageOpensForHimEvenEmpty() {
		for (String page : List.of("/conversations", "/conversations/plans/new", "/conversations/talks/new",
				"/conversations/topics", "/conversations/phrases", "/conversations/patterns", "/conversations/pause",
				"/conversations/shared")) {
			assertThat(get(page)).as(page).hasStatusOk();
		}
		assertThat(get("/conversations/phrases")).bodyText()
			.contains("What I hear you saying is", "It makes sense that you feel", "hard to trust me right now");
		// Crisis resources come only after words that call for them (the footer always
		// links them).
		assertThat(get("/conversations")).bodyText().doesNotContain("carry this alone");
		assertThat(get("/conversations/shared")).bodyText().doesNotContain("carry this alone");
		MvcTestResult worrying = post("/conversations/talks/new", "newTopic", "Us", "talkedOn",
				this.conversations.today(this.client.id()).toString(), "defensiveness", "5", "escalation", "BADLY",
				"breakTaken", "NO", "nextTime", "Some days I want to die");
		assertThat(worrying).hasRedirectedUrl("/conversations");
		assertThat(this.mvc.get()
			.uri("/conversations")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(worrying))).bodyText().contains("carry this alone", "Logged.");
		assertThat(get("/conversations/plans/" + UUID.randomUUID())).hasStatus(404);
		assertThat(get("/conversations/plans/not-an-id/pause")).hasStatus(404);
		assertThat(get("/conversations/talks/" + UUID.randomUUID())).hasStatus(404);
		assertThat(get("/conversations/talks/new?plan=" + UUID.randomUUID())).hasStatus(404);
		// A plan in a link that is no id names no plan of his: the same 404.
		assertThat(get("/conversations/talks/new?plan=not-a-plan")).hasStatus(404);
		assertThat(get("/conversations/talks/new?plan=")).hasStatusOk();
	}

	@Test
	void thePlanFormNamesEachProblemAndKeepsWhatHeTyped() {
		MvcTestResult empty = post("/conversations/plans/new", "topic", "", "newTopic", "", "about", "", "mayNeed",
				"That I know it hurt", "validation", " ");
		assertThat(empty).hasStatusOk();
		assertThat(empty).bodyText()
			.contains("id=\"newTopic-error\"", "id=\"about-error\"", "id=\"validation-error\"", "Please check the form",
					"That I know it hurt");
		assertThat(post("/conversations/plans/new", "topic", "not-a-topic", "about", "x", "validation", "y")).bodyText()
			.contains("id=\"topic-error\"");
		assertThat(post("/conversations/plans/new", "topic", UUID.randomUUID().toString(), "about", "x", "validation",
				"y"))
			.bodyText()
			.contains("Choose one of your topics");
		assertThat(post("/conversations/plans/new", "newTopic", "Money", "about", "x", "validation", "y", "wontSay",
				"SHOUTING"))
			.bodyText()
			.contains("id=\"wontSay-error\"");
		assertThat(post("/conversations/plans/new", "newTopic", "Money", "about", "x".repeat(1001), "validation", "y"))
			.bodyText()
			.contains("Keep it under 1000 characters");
		// A blank choice is no move at all, not a server error; the page comes back with
		// his words.
		assertThat(post("/conversations/plans/new", "newTopic", "Money", "about", "x".repeat(1001), "validation", "y",
				"wontSay", "\r\n"))
			.hasStatusOk()
			.bodyText()
			.contains("Keep it under 1000 characters");
		assertThat(this.plans.plans(this.client.id())).isEmpty();

		MvcTestResult saved = post("/conversations/plans/new", "newTopic", "Money", "about", "The card statement",
				"wontSay", "EXPLAINING", "wontSay", "THEIR_FAULTS", "validation", "Your anger makes sense to me.");
		PlanView plan = this.plans.plans(this.client.id()).get(0);
		assertThat(saved).hasRedirectedUrl("/conversations/plans/" + plan.id().value());
		assertThat(plan.wontSay()).containsExactlyInAnyOrder(DefensiveMove.EXPLAINING, DefensiveMove.THEIR_FAULTS);
		assertThat(get("/conversations/plans/" + plan.id().value())).bodyText()
			.contains("Your plan: Money", "Your anger makes sense to me.", "Bringing up my partner&#39;s faults",
					"Open the pause tool");
	}

	@Test
	void textThatIsNoDayOrNumberIsAMessageBesideItsFieldAndTheRestIsKept() {
		MvcTestResult result = post("/conversations/talks/new", "newTopic", "Money", "talkedOn", "2026-02-30",
				"defensiveness", "four", "escalation", "SOMEWHAT", "breakTaken", "NO", "helped", "Counting to ten",
				"resolved", "true");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"talkedOn-error\">Give the day of the talk as a date like 2027-01-31: today or earlier.</p>",
					"id=\"defensiveness-error\">Choose how defensive you got, from 1 to 5.</p>")
			.contains("value=\"2026-02-30\"", "value=\"Money\"", ">Counting to ten</textarea>",
					"value=\"SOMEWHAT\" checked", "value=\"true\" checked")
			.doesNotContain("id=\"escalation-error\"", "id=\"newTopic-error\"");
		assertThat(this.talks.talks(this.client.id(), this.client.id())).isEmpty();
	}

	@Test
	void theLogFormNamesEachProblemAndKeepsWhatHeTyped() {
		MvcTestResult empty = post("/conversations/talks/new", "newTopic", "", "talkedOn", "", "helped",
				"Counting to ten");
		assertThat(empty).hasStatusOk();
		assertThat(empty).bodyText()
			.contains("id=\"newTopic-error\"", "id=\"talkedOn-error\"", "id=\"defensiveness-error\"",
					"id=\"escalation-error\"", "id=\"breakTaken-error\"", "Counting to ten");
		String tomorrow = this.conversations.today(this.client.id()).plusDays(1).toString();
		assertThat(post("/conversations/talks/new", "newTopic", "Money", "talkedOn", tomorrow, "defensiveness", "3",
				"escalation", "NO", "breakTaken", "NO"))
			.bodyText()
			.contains("today or earlier");
		assertThat(post("/conversations/talks/new", "newTopic", "Money", "talkedOn", "yesterday", "defensiveness", "7",
				"escalation", "LOUD", "breakTaken", "MAYBE"))
			.bodyText()
			.contains("id=\"talkedOn-error\"", "id=\"escalation-error\"", "id=\"breakTaken-error\"");
		assertThat(post("/conversations/talks/new", "newTopic", "Money", "talkedOn", LocalDate.now().toString(),
				"defensiveness", "7", "escalation", "NO", "breakTaken", "NO"))
			.bodyText()
			.contains("from 1 to 5");
		Person other = this.people.client();
		PlanId foreign = this.plans
			.prepare(other.id(), new PlanDetails(null, "Theirs", "about", null, null, null, "valid"))
			.id();
		assertThat(post("/conversations/talks/new", "plan", foreign.value().toString(), "newTopic", "Money", "talkedOn",
				this.conversations.today(this.client.id()).toString(), "defensiveness", "2", "escalation", "NO",
				"breakTaken", "NO"))
			.bodyText()
			.contains("That plan isn&#39;t one of yours.");
		assertThat(this.talks.talks(this.client.id(), this.client.id())).isEmpty();

		assertThat(post("/conversations/talks/new", "newTopic", "Money", "talkedOn",
				this.conversations.today(this.client.id()).toString(), "defensiveness", "2", "escalation", "SOMEWHAT",
				"breakTaken", "CAME_BACK", "helped", "Breathing first", "nextTime", "Ask a question back", "resolved",
				"true"))
			.hasRedirectedUrl("/conversations");
		TalkView talk = this.talks.talks(this.client.id(), this.client.id()).get(0);
		assertThat(talk.resolved()).isTrue();
		assertThat(talk.breakTaken()).isEqualTo(BreakTaken.CAME_BACK);
		assertThat(get("/conversations/talks/" + talk.id().value())).bodyText()
			.contains("Breathing first", "Ask a question back", "Took a break and came back");
		assertThat(get("/conversations/patterns")).bodyText().contains("How defensive you got, per talk", "Money");
	}

	@Test
	void aLogFromAPlanStartsWithItsTopic() {
		PlanId plan = this.plans
			.prepare(this.client.id(), new PlanDetails(null, "Her mother", "Sunday lunch", null, null, null, "valid"))
			.id();
		assertThat(get("/conversations/talks/new?plan=" + plan.value())).bodyText()
			.contains("value=\"" + plan.value() + "\"");
		TopicId topic = this.topics.topics(this.client.id()).get(0).id();
		assertThat(post("/conversations/talks/new", "plan", plan.value().toString(), "topic", topic.value().toString(),
				"talkedOn", this.conversations.today(this.client.id()).toString(), "defensiveness", "1", "escalation",
				"NO", "breakTaken", "NO"))
			.hasRedirectedUrl("/conversations");
		assertThat(this.talks.talks(this.client.id(), this.client.id()).get(0).plan()).isEqualTo(plan);
	}

	@Test
	void aLogLinksOneOfHisOwnCheckInsAndOnlyHis() {
		var mine = this.checkIns
			.record(this.client.id(),
					new app.steadfast.checkins.CheckInDetails(java.util.List.of("hurt"), 6,
							app.steadfast.checkins.BodyLocation.CHEST, null, null, null,
							java.time.Instant.now().minusSeconds(120)),
					false)
			.id()
			.value();
		Person other = this.people.client();
		var theirs = this.checkIns
			.record(other.id(),
					new app.steadfast.checkins.CheckInDetails(java.util.List.of("anger"), 6,
							app.steadfast.checkins.BodyLocation.CHEST, null, null, null,
							java.time.Instant.now().minusSeconds(120)),
					false)
			.id()
			.value();
		assertThat(get("/conversations/talks/new")).bodyText()
			.contains("value=\"" + mine + "\"", "hurt")
			.doesNotContain(theirs.toString());
		String[] talk = { "newTopic", "Chores", "talkedOn", this.conversations.today(this.client.id()).toString(),
				"defensiveness", "2", "escalation", "NO", "breakTaken", "NO", "helped", "Listening first" };
		String[] withTheirs = java.util.Arrays.copyOf(talk, talk.length + 2);
		withTheirs[talk.length] = "checkIn";
		withTheirs[talk.length + 1] = theirs.toString();
		assertThat(post("/conversations/talks/new", withTheirs)).hasStatusOk()
			.bodyText()
			.contains("That check-in isn&#39;t one of yours.", "Listening first");
		withTheirs[talk.length + 1] = "nonsense";
		assertThat(post("/conversations/talks/new", withTheirs)).hasStatusOk()
			.bodyText()
			.contains("That check-in isn&#39;t one of yours.");
		withTheirs[talk.length + 1] = mine.toString();
		assertThat(post("/conversations/talks/new", withTheirs)).hasRedirectedUrl("/conversations");
		TalkView logged = this.talks.talks(this.client.id(), this.client.id()).get(0);
		assertThat(logged.checkIn()).isEqualTo(mine);
		assertThat(get("/conversations/talks/" + logged.id().value())).bodyText()
			.contains("/checkins/" + mine + "/edit", "The check-in you linked");
	}

	@Test
	void topicsAreRenamedAndMergedOnTheirPage() {
		this.conversations.log(this.client.id(), new TalkDetails(null, "Money", null,
				this.conversations.today(this.client.id()), 3, Escalation.NO, BreakTaken.NO, null, null, false));
		this.conversations.log(this.client.id(), new TalkDetails(null, "Card", null,
				this.conversations.today(this.client.id()), 3, Escalation.NO, BreakTaken.NO, null, null, false));
		List<TopicView> topics = this.topics.topics(this.client.id());
		UUID card = topics.get(0).id().value();
		UUID money = topics.get(1).id().value();

		MvcTestResult blank = post("/conversations/topics/" + card + "/rename", "name", "x");
		assertThat(blank).hasRedirectedUrl("/conversations/topics");
		assertThat(blank.getMvcResult().getFlashMap().get("problem")).asString().contains("2 to 80 characters");
		// The rule's message beside the name he typed, which is kept.
		assertThat(this.mvc.get()
			.uri("/conversations/topics")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(blank)))
			.bodyText()
			.contains("id=\"name-" + card + "-error\">", "2 to 80 characters", "value=\"x\"",
					"aria-describedby=\"name-" + card + "-error\"")
			.doesNotContain("id=\"into-" + card + "-error\"");
		assertThat(post("/conversations/topics/" + card + "/rename", "name", "MONEY").getMvcResult()
			.getFlashMap()
			.get("problem")).asString().contains("Merge them instead");
		assertThat(post("/conversations/topics/" + card + "/rename", "name", "The credit card"))
			.hasRedirectedUrl("/conversations/topics");
		assertThat(get("/conversations/topics")).bodyText().contains("The credit card", "Earlier called: Card");

		assertThat(post("/conversations/topics/" + card + "/merge", "into", "").getMvcResult()
			.getFlashMap()
			.get("problem")).asString().contains("Choose the topic");
		MvcTestResult nonsense = post("/conversations/topics/" + card + "/merge", "into", "nonsense");
		assertThat(nonsense.getMvcResult().getFlashMap().get("problem"))
			.isEqualTo("Choose the topic to merge it into.");
		assertThat(nonsense.getMvcResult().getFlashMap().get("problemField")).isEqualTo("into");
		assertThat(this.mvc.get()
			.uri("/conversations/topics")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(nonsense))).bodyText()
			.contains("id=\"into-" + card + "-error\">Choose the topic to merge it into.</p>")
			.doesNotContain("id=\"name-" + card + "-error\"");
		assertThat(post("/conversations/topics/" + card + "/merge", "into", UUID.randomUUID().toString()).getMvcResult()
			.getFlashMap()
			.get("problem")).isEqualTo("Choose the topic to merge it into.");
		assertThat(post("/conversations/topics/" + card + "/merge", "into", card.toString()).getMvcResult()
			.getFlashMap()
			.get("problem")).asString().contains("different topic");
		assertThat(post("/conversations/topics/" + card + "/merge", "into", money.toString()))
			.hasRedirectedUrl("/conversations/topics");
		assertThat(get("/conversations/topics")).bodyText().contains("Merged into it: The credit card", "2 talks");

		Person other = this.people.client();
		var foreign = this.mvc.post()
			.uri("/conversations/topics/" + money + "/rename")
			.with(this.people.signedIn(other))
			.with(csrf())
			.param("name", "Mine now");
		assertThat(foreign).hasStatus(404);
		assertThat(post("/conversations/topics/not-an-id/merge", "into", money.toString())).hasStatus(404);
	}

	@Test
	void phraseCardsAreEditedAddedAndReset() {
		assertThat(post("/conversations/phrases/new", "text", " ").getMvcResult().getFlashMap().get("problem"))
			.asString()
			.contains("2 to 300 characters");
		assertThat(
				post("/conversations/phrases/new", "text", "y".repeat(301)).getMvcResult().getFlashMap().get("typed"))
			.isEqualTo("y".repeat(301));
		assertThat(post("/conversations/phrases/new", "text", "I want to get this right with you."))
			.hasRedirectedUrl("/conversations/phrases");
		assertThat(post("/conversations/phrases/hear-you", "text", "So what you're telling me is..."))
			.hasRedirectedUrl("/conversations/phrases#card-hear-you");
		assertThat(get("/conversations/phrases")).bodyText()
			.contains("So what you&#39;re telling me is...", "Your version. The original: What I hear you saying is",
					"I want to get this right with you.");
		PhraseCard own = this.phrases.phrases(this.client.id())
			.stream()
			.filter(PhraseCard::own)
			.findFirst()
			.orElseThrow();
		Person other = this.people.client();
		assertThat(this.mvc.post()
			.uri("/conversations/phrases/" + own.key())
			.with(this.people.signedIn(other))
			.with(csrf())
			.param("text", "Taken over")).hasStatus(404);
		assertThat(post("/conversations/phrases/no-such-card", "text", "Hello there")).hasStatus(404);
		assertThat(post("/conversations/phrases/hear-you/reset")).hasRedirectedUrl("/conversations/phrases");
		assertThat(post("/conversations/phrases/" + own.key() + "/reset")).hasRedirectedUrl("/conversations/phrases");
		assertThat(this.phrases.phrases(this.client.id())).noneMatch(PhraseCard::own)
			.noneMatch(PhraseCard::edited)
			.hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void thePauseToolTakesItsPatternAndBreakFromTheFormOrHisChoice() {
		assertThat(get("/conversations/pause")).bodyText()
			.contains("Box breathing", "data-pattern=\"BOX\"", "I need <span id=\"break-length\">20 minutes</span>");
		assertThat(get("/conversations/pause?pattern=FOUR_SIX")).bodyText().contains("data-pattern=\"FOUR_SIX\"");
		assertThat(get("/conversations/pause?pattern=<script>")).bodyText().contains("data-pattern=\"BOX\"");
		assertThat(get("/conversations/pause?minutes=45")).bodyText().contains("45 minutes</span>");
		assertThat(get("/conversations/pause?minutes=7")).bodyText()
			.contains("id=\"minutes-error\">Choose one of the lengths offered.</p>");
		assertThat(get("/conversations/pause?minutes=soon&pattern=FOUR_SIX")).bodyText()
			.contains("id=\"minutes-error\">Choose one of the lengths offered.</p>", "data-pattern=\"FOUR_SIX\"");
		assertThat(get("/conversations/pause?at=21:30")).bodyText()
			.contains("id=\"break-until\">21:30</span>", "value=\"21:30\"");
		assertThat(get("/conversations/pause?at=later&pattern=FOUR_SIX")).bodyText()
			.contains("id=\"at-error\">Give a time like 21:30.</p>", "value=\"later\"", "data-pattern=\"FOUR_SIX\"")
			.doesNotContain("id=\"minutes-error\"");

		assertThat(post("/conversations/pause/breathing", "pattern", "FOUR_SIX", "back", "//evil.example"))
			.hasRedirectedUrl("/conversations/pause");
		assertThat(this.breathing.breathing(this.client.id())).isEqualTo(Breathing.FOUR_SIX);
		assertThat(get("/conversations/pause")).bodyText().contains("data-pattern=\"FOUR_SIX\"");
		assertThat(post("/conversations/pause/breathing", "pattern", "HOLD_FOREVER").getMvcResult()
			.getFlashMap()
			.get("problem")).isEqualTo("Choose box or 4-6 breathing.");
		assertThat(this.breathing.breathing(this.client.id())).isEqualTo(Breathing.FOUR_SIX);

		PlanId plan = this.plans
			.prepare(this.client.id(),
					new PlanDetails(null, "Money", "The bill", "That I hid it", null, null, "You have every right."))
			.id();
		String withPlan = "/conversations/plans/" + plan.value() + "/pause";
		assertThat(get(withPlan)).bodyText().contains("You have every right.", "That I hid it", "Back to your plan");
		assertThat(post("/conversations/pause/breathing", "pattern", "BOX", "back", withPlan))
			.hasRedirectedUrl(withPlan);
		Person other = this.people.client();
		assertThat(this.mvc.get().uri(withPlan).with(this.people.signedIn(other))).hasStatus(404);
	}

	@Test
	void hostileInputIsSavedOrRefusedPlainlyAndAlwaysShownEscaped() {
		int saved = 0;
		for (String sample : HostileInput.samples(20261127L, 40)) {
			String topic = sample.length() > 60 ? sample.substring(0, 60) : sample;
			MvcTestResult plan = post("/conversations/plans/new", "newTopic", topic, "about", sample, "validation",
					sample, "mayNeed", sample);
			assertThat(plan.getResponse().getStatus()).as(sample).isIn(200, 302);
			MvcTestResult talk = post("/conversations/talks/new", "newTopic", topic, "talkedOn",
					this.conversations.today(this.client.id()).toString(), "defensiveness", "3", "escalation", "NO",
					"breakTaken", "NO", "helped", sample, "nextTime", sample);
			assertThat(talk.getResponse().getStatus()).as(sample).isIn(200, 302);
			assertThat(post("/conversations/phrases/new", "text", sample)).hasStatus(302);
			if (plan.getResponse().getStatus() == 302) {
				saved++;
				assertThat(get(plan.getResponse().getRedirectedUrl())).bodyText()
					.doesNotContain("<script>alert(1)</script>", "<img src=x");
			}
			else {
				assertThat(plan).bodyText().doesNotContain("<script>alert(1)</script>");
			}
		}
		assertThat(saved).isGreaterThan(10);
		for (String page : List.of("/conversations", "/conversations/topics", "/conversations/phrases",
				"/conversations/patterns")) {
			assertThat(get(page)).bodyText().as(page).doesNotContain("<script>alert(1)</script>", "<img src=x");
		}
	}

}
