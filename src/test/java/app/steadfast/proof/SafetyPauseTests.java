package app.steadfast.proof;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.PulseManagement;
import app.steadfast.insights.InsightsManagement;
import app.steadfast.repair.Audience;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementPart;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
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
 * Suite 3 of the proof, the partner's safety pause: while it holds nothing of hers
 * reaches him, every write of hers across people is refused, and his pages are the same,
 * byte for byte once tokens, ids and times are set aside, as if she had simply turned all
 * her shares off.
 */
@SteadfastTest
class SafetyPauseTests {

	/** Every page he has that could show anything of hers or of the link. */
	static final List<String> HIS_PAGES = List.of("/", "/couple", "/couple/reads", "/couple/pulse",
			"/couple/pulse/weeks", "/commitments", "/commitments/reliability", "/commitments/shared",
			"/checkins/shared", "/conversations", "/conversations/shared", "/conversations/talks/{talk}", "/repair",
			"/repair/questions", "/repair/questions/{question}", "/repair/questions/{answered}",
			"/repair/statements/{statement}", "/repair/statements/{statement}/versions/1", "/insights",
			"/insights?weeks=12", "/insights/review", "/insights/report", "/care/reads", "/commitments/new",
			"/commitments/new?request={request}");

	/** Her words from before anything changed, by the page of his that shows each. */
	static final Map<String, String> EARLIER = Map.of("/commitments", "EARLIER-DAY-NOTE", "/conversations/talks/{talk}",
			"EARLIER-TALK-VIEW", "/repair/statements/{statement}/versions/1", "EARLIER-RESPONSE", "/couple/pulse/weeks",
			"EARLIER-PULSE-NOTE");

	/**
	 * What she sent him before anything changed, by the page of his that shows each: not
	 * part of any share, so it stays on his pages whether she turns her shares off or her
	 * safety pause holds.
	 */
	static final Map<String, String> SENT = Map.of("/repair/questions", "EARLIER-QUESTION",
			"/repair/questions/{question}", "EARLIER-QUESTION", "/repair/questions/{answered}",
			"EARLIER-ANSWERED-QUESTION", "/couple", "EARLIER-REQUEST", "/commitments/new?request={request}",
			"EARLIER-REQUEST");

	/** Stands for a question or request not sent in a world that has none. */
	static final UUID NONE = new UUID(0, 0);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	CoupleManagement couple;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	ConversationManagement conversations;

	@Autowired
	StatementManagement statements;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	InsightsManagement insights;

	@Autowired
	PulseManagement pulse;

	TestPeople people;

	TestCouples couples;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.couples = new TestCouples(this.jdbc, this.couple);
	}

	/**
	 * One couple, both sharing everything, his records of every kind, her reads of them.
	 */
	final class Couple {

		final Person him = SafetyPauseTests.this.people.client();

		final Person her = SafetyPauseTests.this.people.withRole(Role.PARTNER);

		final CommitmentId commitment;

		final UUID talk;

		final UUID statement;

		final UUID version;

		UUID question = NONE;

		UUID answered = NONE;

		UUID request = NONE;

		Couple() throws Exception {
			SafetyPauseTests.this.couples.link(this.him, this.her);
			for (Category category : CoupleManagement.SHAREABLE) {
				SafetyPauseTests.this.couple.share(this.him.id(), category, true);
				SafetyPauseTests.this.couple.share(this.her.id(), category, true);
			}
			this.commitment = SafetyPauseTests.this.commitments.create(this.him.id(),
					new CommitmentDetails("Phone face up at dinner", null, Recurrence.DAILY, Set.of(), null, null));
			// A fixture: the promise began three days ago, so there are past days to
			// confirm.
			SafetyPauseTests.this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
				.param("start", today().minusDays(3))
				.param("id", this.commitment.value())
				.update();
			SafetyPauseTests.this.commitments.record(this.him.id(), this.commitment, today().minusDays(1), Outcome.KEPT,
					null, null);
			this.talk = SafetyPauseTests.this.conversations
				.log(this.him.id(),
						new TalkDetails(null, "Weekends", null, today().minusDays(1), 3, Escalation.NO, BreakTaken.NO,
								"Slowing down", null, false))
				.id()
				.value();
			var saved = SafetyPauseTests.this.statements.save(this.him.id(), null,
					Map.of(StatementPart.WHAT_HAPPENED, "I lied about where I was."));
			SafetyPauseTests.this.statements.share(this.him.id(), saved.statement(), saved.number(), Audience.PARTNER);
			this.statement = saved.statement().value();
			this.version = SafetyPauseTests.this.statements.version(this.him.id(), saved.statement(), saved.number())
				.id();
			SafetyPauseTests.this.checkIns.record(this.her.id(), new CheckInDetails(List.of("hurt"), 5,
					BodyLocation.CHEST, "Her words", null, null, java.time.Instant.now().minusSeconds(600)), false);
			// She reads what he shares, before anything changes: both worlds list these.
			for (String page : List.of("/commitments/shared", "/conversations/shared", "/repair/shared",
					"/repair/shared/" + this.version)) {
				assertThat(get(this.her, page)).hasStatusOk();
			}
		}

		/**
		 * What she writes on his records while everything is shared: her view of a day of
		 * his commitment with a note, her view of his talk, her response to his
		 * statement, a pulse week she shares (and his own, so the gap shows). Each shows
		 * on his pages before anything changes.
		 */
		Couple contribute() throws Exception {
			String day = today().minusDays(2).toString();
			assertThat(post(this.her, "/commitments/shared/" + this.commitment.value() + "/" + day, "seen",
					"SAW_DIFFERENTLY", "note", "EARLIER-DAY-NOTE"))
				.hasStatus3xxRedirection();
			assertThat(post(this.her, "/conversations/shared/" + this.talk, "escalation", "SOMEWHAT", "feltHeard", "2",
					"note", "EARLIER-TALK-VIEW"))
				.hasStatus3xxRedirection();
			assertThat(post(this.her, "/repair/shared/" + this.version + "/respond", "words", "EARLIER-RESPONSE"))
				.hasStatus3xxRedirection();
			SafetyPauseTests.this.pulse.answer(this.her.id(), List.of(2, 3, 2, 3, 4), "EARLIER-PULSE-NOTE", true);
			SafetyPauseTests.this.pulse.answer(this.him.id(), List.of(6, 6, 6, 6, 6), null, false);
			// What she sends him outside any share: two questions (he answers one) and a
			// request.
			assertThat(post(this.her, "/repair/questions", "question", "EARLIER-QUESTION")).hasStatus3xxRedirection();
			assertThat(post(this.her, "/repair/questions", "question", "EARLIER-ANSWERED-QUESTION"))
				.hasStatus3xxRedirection();
			this.question = questionOf(this.her, "EARLIER-QUESTION");
			this.answered = questionOf(this.her, "EARLIER-ANSWERED-QUESTION");
			assertThat(post(this.him, "/repair/questions/" + this.answered + "/answer", "words", "EARLIER-ANSWER"))
				.hasStatus3xxRedirection();
			assertThat(post(this.her, "/couple/requests", "ownWords", "EARLIER-REQUEST")).hasStatus3xxRedirection();
			this.request = SafetyPauseTests.this.jdbc.sql("SELECT id FROM partner_request WHERE partner_id = :her")
				.param("her", this.her.id().value())
				.query(UUID.class)
				.single();
			for (Map.Entry<String, String> shown : EARLIER.entrySet()) {
				assertThat(get(this.him, page(shown.getKey()))).as(shown.getKey())
					.bodyText()
					.contains(shown.getValue());
			}
			for (Map.Entry<String, String> shown : SENT.entrySet()) {
				assertThat(get(this.him, page(shown.getKey()))).as(shown.getKey())
					.bodyText()
					.contains(shown.getValue());
			}
			return this;
		}

		/** Her question with these words (the words are sealed, so found by its page). */
		UUID questionOf(Person partner, String words) throws Exception {
			for (UUID id : SafetyPauseTests.this.jdbc.sql("SELECT id FROM partner_question WHERE partner_id = :her")
				.param("her", partner.id().value())
				.query(UUID.class)
				.list()) {
				if (get(partner, "/repair/questions/" + id).getResponse().getContentAsString().contains(words)) {
					return id;
				}
			}
			throw new AssertionError("No question of hers says " + words);
		}

		LocalDate today() {
			return SafetyPauseTests.this.accounts.today(this.him.id());
		}

		String page(String path) {
			return path.replace("{talk}", this.talk.toString())
				.replace("{statement}", this.statement.toString())
				.replace("{question}", this.question.toString())
				.replace("{answered}", this.answered.toString())
				.replace("{request}", this.request.toString());
		}

	}

	@Test
	void whileHerPauseHoldsEveryWriteOfHersAcrossPeopleIsRefusedAndHisPagesReadAsIfSheSharedNothing() throws Exception {
		Couple paused = new Couple();
		Couple sharesOff = new Couple();

		this.couples.pause(paused.her, true);
		// What she tries during her pause: each is refused, and leaves nothing he sees.
		String day = paused.today().minusDays(1).toString();
		assertThat(post(paused.her, "/commitments/shared/" + paused.commitment.value() + "/" + day, "seen", "CONFIRMED",
				"note", "SEEN-DURING-PAUSE"))
			.as("confirming his day")
			.hasStatus(404);
		assertThat(post(paused.her, "/conversations/shared/" + paused.talk, "escalation", "NO", "feltHeard", "4",
				"note", "VIEW-DURING-PAUSE"))
			.as("her view of his talk")
			.hasStatus(404);
		assertThat(post(paused.her, "/repair/shared/" + paused.version + "/respond", "words", "RESPONSE-DURING-PAUSE"))
			.as("responding to his statement")
			.hasStatus(404);
		assertThat(get(paused.her, "/repair/shared/" + paused.version)).as("reading his statement").hasStatus(404);
		// What she writes to him is kept for her, and sent only when the pause ends.
		assertThat(post(paused.her, "/repair/questions", "question", "QUESTION-DURING-PAUSE"))
			.hasStatus3xxRedirection();
		assertThat(post(paused.her, "/couple/requests", "ownWords", "REQUEST-DURING-PAUSE")).hasStatus3xxRedirection();
		// Her own pages still open, read nothing of his.
		for (String page : List.of("/commitments/shared", "/conversations/shared", "/checkins/shared", "/repair/shared",
				"/couple")) {
			assertThat(get(paused.her, page)).as(page).hasStatusOk();
		}
		assertThat(this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM commitment_witness WHERE witness_id = :her)
				     + (SELECT COUNT(*) FROM conversation_partner_view WHERE viewer_id = :her)
				     + (SELECT COUNT(*) FROM statement_response WHERE author_id = :her)
				     + (SELECT COUNT(*) FROM partner_question WHERE partner_id = :her AND held = FALSE)
				     + (SELECT COUNT(*) FROM partner_request WHERE partner_id = :her AND held = FALSE)
				""").param("her", paused.her.id().value()).query(Long.class).single())
			.as("nothing of hers written on his records, nothing sent")
			.isZero();

		// The other world: she simply turns every share of hers off.
		for (Category category : CoupleManagement.SHAREABLE) {
			this.couple.share(sharesOff.her.id(), category, false);
		}

		List<String> differences = new ArrayList<>();
		for (String page : HIS_PAGES) {
			MvcTestResult a = get(paused.him, paused.page(page));
			MvcTestResult b = get(sharesOff.him, sharesOff.page(page));
			assertThat(a.getResponse().getStatus()).as(page).isEqualTo(b.getResponse().getStatus());
			String left = normalised(a.getResponse().getContentAsString(), paused);
			String right = normalised(b.getResponse().getContentAsString(), sharesOff);
			if (!left.equals(right)) {
				differences.add(page + ":\n" + firstDifference(left, right));
			}
			assertThat(a.getResponse().getContentAsString()).as(page)
				.doesNotContain("paused for now", "Sharing from your partner", "DURING-PAUSE");
		}
		assertThat(differences).as("his pages, pause on against her shares off").isEmpty();
	}

	@Test
	void herConfirmationsStayOffHisPagesWhileHerPauseHoldsAndOnesDuringItAreRefused() throws Exception {
		Couple c = new Couple();
		String before = c.today().minusDays(2).toString();
		String during = c.today().minusDays(1).toString();
		assertThat(post(c.her, "/commitments/shared/" + c.commitment.value() + "/" + before, "seen", "SAW_DIFFERENTLY",
				"note", "SEEN-BEFORE-PAUSE"))
			.hasStatus3xxRedirection();
		// Without a pause he sees her view: the pages can show it.
		assertThat(get(c.him, "/commitments")).bodyText().contains("SEEN-BEFORE-PAUSE");
		assertThat(get(c.him, "/commitments/reliability")).bodyText()
			.contains("class=\"partner-view\"", "Your partner saw differently");
		assertThat(get(c.him, "/insights")).bodyText().contains("Your partner looked at");

		this.couples.pause(c.her, true);
		assertThat(post(c.her, "/commitments/shared/" + c.commitment.value() + "/" + during, "seen", "CONFIRMED",
				"note", "SEEN-DURING-PAUSE"))
			.hasStatus(404);
		for (String page : List.of("/commitments", "/commitments/reliability", "/insights", "/insights/report")) {
			assertThat(get(c.him, page)).as(page)
				.bodyText()
				.doesNotContain("SEEN-BEFORE-PAUSE", "SEEN-DURING-PAUSE", "Your partner: ", "class=\"partner-view\"",
						"Your partner saw differently", "Your partner looked at");
		}
		assertThat(this.insights.progress(c.him.id(), c.him.id(), 4).weeks())
			.allSatisfy((w) -> assertThat(w.confirmed() + w.sawDifferently()).isZero());
		assertThat(this.commitments.reliability(c.him.id(), c.him.id(), 4).last12().witnessed()).isFalse();

		// When her answers no longer ask for the pause, her earlier view is back; the one
		// she tried during it was never written.
		this.couples.pause(c.her, false);
		assertThat(get(c.him, "/commitments")).bodyText()
			.contains("SEEN-BEFORE-PAUSE")
			.doesNotContain("SEEN-DURING-PAUSE");
	}

	/**
	 * What she wrote on his records before the pause leaves his pages exactly as it does
	 * when she turns her shares off: in both worlds it is withdrawn, so nothing
	 * disappears only under the pause. What she sent him outside any share (her
	 * questions, her requests) stays on his pages in both worlds, and he answers her
	 * questions in both alike.
	 */
	@Test
	void herEarlierWordsLeaveHisPagesAlikeUnderHerPauseAndWithHerSharesOff() throws Exception {
		Couple paused = new Couple().contribute();
		Couple sharesOff = new Couple().contribute();

		this.couples.pause(paused.her, true);
		for (Category category : CoupleManagement.SHAREABLE) {
			this.couple.share(sharesOff.her.id(), category, false);
		}
		for (Couple c : List.of(paused, sharesOff)) {
			assertThat(post(c.him, "/repair/questions/" + c.question + "/answer", "words", "LATER-ANSWER"))
				.hasStatus3xxRedirection();
		}

		List<String> differences = new ArrayList<>();
		for (String page : HIS_PAGES) {
			MvcTestResult a = get(paused.him, paused.page(page));
			MvcTestResult b = get(sharesOff.him, sharesOff.page(page));
			assertThat(a.getResponse().getStatus()).as(page).isEqualTo(b.getResponse().getStatus());
			String left = normalised(a.getResponse().getContentAsString(), paused);
			String right = normalised(b.getResponse().getContentAsString(), sharesOff);
			if (!left.equals(right)) {
				differences.add(page + ":\n" + firstDifference(left, right));
			}
			assertThat(left).as(page).doesNotContain(EARLIER.values().toArray(String[]::new));
			if (SENT.containsKey(page)) {
				assertThat(left).as(page).contains(SENT.get(page));
			}
		}
		assertThat(differences).as("his pages, pause on against her shares off, after her earlier words").isEmpty();
	}

	/**
	 * A question or request she writes during her pause is kept for her and never reaches
	 * him while it holds (his pages stay as they were); her page tells her so. When the
	 * pause ends it is sent, dated then, as if she had just written it; a later pause
	 * leaves it with him like everything she sent before.
	 */
	@Test
	void whatSheWritesDuringHerPauseReachesHimOnlyWhenItEnds() throws Exception {
		Couple c = new Couple();
		this.couples.pause(c.her, true);
		String before = normalised(get(c.him, "/repair/questions").getResponse().getContentAsString(), c);
		String coupleBefore = normalised(get(c.him, "/couple").getResponse().getContentAsString(), c);

		MvcTestResult asked = post(c.her, "/repair/questions", "question", "HELD-QUESTION");
		assertThat(asked).hasStatus3xxRedirection();
		assertThat(asked.getMvcResult().getFlashMap().get("saved").toString()).contains("kept safe",
				"they'll receive it only when the pause ends", "you can delete it");
		MvcTestResult sent = post(c.her, "/couple/requests", "ownWords", "HELD-REQUEST");
		assertThat(sent).hasStatus3xxRedirection();
		assertThat(sent.getMvcResult().getFlashMap().get("notice").toString()).contains("kept safe",
				"they'll receive it only when the pause ends", "you can withdraw it");
		// Her own pages show what waits, and say so.
		assertThat(get(c.her, "/repair/questions")).bodyText()
			.contains("HELD-QUESTION", "sent to your partner only when the pause ends");
		assertThat(get(c.her, "/couple")).bodyText()
			.contains("HELD-REQUEST", "Not sent yet: your partner receives it when the pause ends");
		UUID held = this.jdbc.sql("SELECT id FROM partner_question WHERE partner_id = :her")
			.param("her", c.her.id().value())
			.query(UUID.class)
			.single();
		// Written three days ago: when it is sent, it must not show that age.
		this.jdbc.sql("UPDATE partner_question SET asked_at = :at WHERE id = :id")
			.param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(3))
			.param("id", held)
			.update();

		// While the pause holds, nothing of it reaches him: his pages are as they were.
		assertThat(normalised(get(c.him, "/repair/questions").getResponse().getContentAsString(), c)).isEqualTo(before);
		assertThat(normalised(get(c.him, "/couple").getResponse().getContentAsString(), c)).isEqualTo(coupleBefore);
		for (String page : HIS_PAGES) {
			assertThat(get(c.him, c.page(page))).as(page).bodyText().doesNotContain("HELD-QUESTION", "HELD-REQUEST");
		}
		assertThat(get(c.him, "/repair/questions/" + held)).hasStatus(404);
		assertThat(post(c.him, "/repair/questions/" + held + "/answer", "words", "TOO-EARLY")).hasStatus(404);

		this.couples.pause(c.her, false);
		assertThat(get(c.him, "/repair/questions")).bodyText().contains("HELD-QUESTION", "Asked today");
		assertThat(get(c.him, "/couple")).bodyText().contains("HELD-REQUEST");
		assertThat(post(c.him, "/repair/questions/" + held + "/answer", "words", "ANSWER-AFTER-PAUSE"))
			.hasStatus3xxRedirection();
		assertThat(get(c.her, "/repair/questions/" + held)).bodyText().contains("ANSWER-AFTER-PAUSE");

		// A later pause leaves it with him, like everything she sent before.
		this.couples.pause(c.her, true);
		assertThat(get(c.him, "/repair/questions")).bodyText().contains("HELD-QUESTION");
		assertThat(get(c.him, "/couple")).bodyText().contains("HELD-REQUEST");
	}

	/**
	 * Turning one category off withdraws what she already wrote in it from his pages, and
	 * only that; turning it back on shows it again. Her settings page says so.
	 */
	@Test
	void turningOneCategoryOffWithdrawsHerEarlierWordsInItAndTurningItOnShowsThemAgain() throws Exception {
		Couple c = new Couple().contribute();
		Map<Category, String> pageOf = Map.of(Category.COMMITMENTS, "/commitments", Category.CONVERSATIONS,
				"/conversations/talks/{talk}", Category.STATEMENTS, "/repair/statements/{statement}/versions/1",
				Category.PULSE, "/couple/pulse/weeks");
		// Her page tells her before she chooses.
		assertThat(get(c.her, "/couple")).bodyText()
			.contains("it also hides from your partner everything you already shared in it",
					"Turn it back on and your partner sees it again.");
		for (Map.Entry<Category, String> off : pageOf.entrySet()) {
			this.couple.share(c.her.id(), off.getKey(), false);
			for (Map.Entry<Category, String> page : pageOf.entrySet()) {
				String words = EARLIER.get(page.getValue());
				var body = assertThat(get(c.him, c.page(page.getValue()))).as(off.getKey() + " off: " + page.getValue())
					.bodyText();
				if (page.getKey() == off.getKey()) {
					body.doesNotContain(words);
				}
				else {
					body.contains(words);
				}
			}
			this.couple.share(c.her.id(), off.getKey(), true);
			assertThat(get(c.him, c.page(off.getValue()))).as(off.getKey() + " on again")
				.bodyText()
				.contains(EARLIER.get(off.getValue()));
		}
	}

	private MvcTestResult get(Person person, String path) {
		return this.mvc.get().uri(path).with(this.people.signedIn(person)).exchange();
	}

	private MvcTestResult post(Person person, String path, String... params) {
		var request = this.mvc.post().uri(path).with(this.people.signedIn(person)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	/** The page without what differs between any two renderings: tokens, ids, times. */
	static String normalised(String html, Couple couple) {
		return html.replace(couple.him.email(), "HIM")
			.replace(couple.her.email(), "HER")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("<meta name=\"csrf-token\" content=\"[^\"]*\"", "<meta name=\"csrf-token\"")
			// Who is signed in, as a digest: another account is another digest.
			.replaceAll("<meta name=\"steadfast-person\" content=\"[^\"]*\"", "<meta name=\"steadfast-person\"")
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
			.replaceAll("nonce=\"[^\"]*\"", "nonce")
			.replaceAll("\\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?", "TIME");
	}

	static String firstDifference(String left, String right) {
		int i = 0;
		while (i < left.length() && i < right.length() && left.charAt(i) == right.charAt(i)) {
			i++;
		}
		int from = Math.max(0, i - 200);
		return "  pause:     ..." + left.substring(from, Math.min(left.length(), i + 200)) + "\n  shares off: ..."
				+ right.substring(from, Math.min(right.length(), i + 200));
	}

}
