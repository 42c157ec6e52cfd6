package app.steadfast.couple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The quiet signal for reassurance through its pages: both turn it on and write their
 * lists, she signals, he is told on Today and by an email with no words, both say whether
 * it helped, and the figures show on both progress pages; off when either has it off;
 * nothing of it for him under her safety pause; and who may not touch it.
 */
@SteadfastTest
class QuietSignalTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	SharingManagement sharing;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person him;

	Person her;

	@BeforeEach
	void couple() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
		this.her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, this.her);
	}

	@Test
	void sheSignalsHeIsPointedToWhatHelpsAndBothProgressPagesCountIt() throws Exception {
		assertThat(page(this.her, "/couple/reassurance")).contains("It is off for you.");
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(404);
		turn(this.her, true);
		turn(this.him, true);
		assertThat(post(this.her, "/couple/reassurance/items", "words", "Tell me where you are"))
			.hasRedirectedUrl("/couple/reassurance");
		post(this.her, "/couple/reassurance/items", "words", "Sit with me for ten minutes");
		post(this.him, "/couple/reassurance/items", "words", "Call you right away");
		// Free text sealed at rest.
		assertThat(this.jdbc.sql("SELECT words FROM reassurance_item WHERE account_id = :me")
			.param("me", this.her.id().value())
			.query(String.class)
			.list()).hasSize(2).noneMatch((w) -> w.contains("where you are") || w.contains("ten minutes"));

		// Her Today and her couple page hold the one-tap button; his Today says nothing
		// yet.
		Document herToday = Jsoup.parse(page(this.her, "/"));
		assertThat(herToday.select("form[action=/couple/reassurance/signal] button").text())
			.isEqualTo("I'm struggling with it right now");
		assertThat(page(this.her, "/couple")).contains("action=\"/couple/reassurance/signal\"");
		assertThat(page(this.him, "/")).doesNotContain("quiet signal");

		assertThat(post(this.her, "/couple/reassurance/signal")).hasRedirectedUrl("/couple/reassurance");
		Document hisToday = Jsoup.parse(page(this.him, "/"));
		assertThat(hisToday.select(".today-next h2").text()).isEqualTo("Your partner sent you a quiet signal");
		assertThat(hisToday.select(".today-next a").attr("href")).isEqualTo("/couple/reassurance");

		MimeMessage mail = TestMail.awaitTo(smtp, this.him.email());
		assertThat(mail.getSubject()).isEqualTo("Your partner sent you a quiet signal in Steadfast");
		String body = GreenMailUtil.getBody(mail).replace("\r", "");
		assertThat(body.strip()).isEqualTo(
				"Your partner sent you a quiet signal in Steadfast.\n\nhttp://localhost:8080/couple/reassurance");

		String his = page(this.him, "/couple/reassurance");
		assertThat(his).contains("What helps your partner", "Tell me where you are", "Sit with me for ten minutes",
				"Call you right away", "(new)");
		// Opened: Today no longer leads with it.
		assertThat(page(this.him, "/")).doesNotContain("Your partner sent you a quiet signal");
		assertThat(page(this.her, "/couple/reassurance")).contains("What your partner can offer",
				"Call you right away");

		post(this.her, "/couple/reassurance/signal");
		List<UUID> signals = signals();
		assertThat(signals).hasSize(2);
		assertThat(post(this.her, "/couple/reassurance/signals/" + signals.get(0) + "/helped", "answer", "YES"))
			.hasRedirectedUrl("/couple/reassurance");
		post(this.her, "/couple/reassurance/signals/" + signals.get(1) + "/helped", "answer", "NO");
		post(this.him, "/couple/reassurance/signals/" + signals.get(0) + "/helped", "answer", "A_LITTLE");
		assertThat(page(this.her, "/couple/reassurance")).contains("You said: Yes", "You said: No",
				"Your partner said: A little");

		Document herProgress = Jsoup.parse(page(this.her, "/insights"));
		assertThat(herProgress.select("#quiet-signals .reading").text()).isEqualTo(
				"You sent 2 quiet signals. You said it helped, at least a little, 1 time of the 2 you answered (50%).");
		assertThat(rows(herProgress)).containsExactly("Signals sent 2 2", "It helped 1 0", "It helped a little 0 1",
				"It didn't help 1 0", "Not answered yet 0 1", "Helped, at least a little 50% 100%");
		Document hisProgress = Jsoup.parse(page(this.him, "/insights"));
		assertThat(hisProgress.select("#quiet-signals .reading").text()).isEqualTo(
				"Your partner sent you 2 quiet signals. Your partner said it helped, at least a little, 1 time of the 2 they answered (50%).");
		assertThat(rows(hisProgress)).containsExactly("Signals sent 2 2", "It helped 1 0", "It helped a little 0 1",
				"It didn't help 1 0", "Not answered yet 0 1", "Helped, at least a little 50% 100%");

		// Her list, read by him, is in her log of reads.
		assertThat(page(this.her, "/couple/reads")).contains("Your quiet-signal list");
		// Each export holds its own part.
		assertThat(export(this.her))
			.contains("quiet_signals_sent.json", "Tell me where you are", "partnersAnswer", "YES")
			.doesNotContain("A_LITTLE");
		assertThat(export(this.him)).contains("quiet_signals_received.json", "Call you right away", "A_LITTLE");
	}

	@Test
	void offWhenEitherHasItOff() throws Exception {
		turn(this.her, true);
		assertThat(page(this.her, "/couple/reassurance")).contains("Your partner has not turned it on.")
			.doesNotContain("action=\"/couple/reassurance/signal\"");
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(404);
		turn(this.her, false);
		turn(this.him, true);
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(404);
		assertThat(page(this.her, "/")).doesNotContain("/couple/reassurance/signal");
		assertThat(page(this.her, "/couple")).doesNotContain("action=\"/couple/reassurance/signal\"");
		turn(this.her, true);
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(302);
		turn(this.him, false);
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(404);
		assertThat(signals()).hasSize(1);
	}

	@Test
	void underHerSafetyPauseNothingOfItExistsForHim() throws Exception {
		turn(this.her, true);
		turn(this.him, true);
		post(this.her, "/couple/reassurance/items", "words", "Tell me where you are");
		post(this.her, "/couple/reassurance/signal");
		UUID signal = signals().get(0);
		int mails = mailsTo(this.him);

		// What he sees when she simply turns it off...
		turn(this.her, false);
		String off = main(page(this.him, "/couple/reassurance"));
		String offToday = main(page(this.him, "/"));
		String offProgress = main(page(this.him, "/insights"));
		turn(this.her, true);
		assertThat(page(this.him, "/")).contains("Your partner sent you a quiet signal");

		// ...is exactly what he sees during her pause.
		new TestCouples(this.jdbc, this.couple).pause(this.her, true);
		String paused = page(this.him, "/couple/reassurance");
		assertThat(main(paused)).isEqualTo(off);
		assertThat(paused).doesNotContain("Tell me where you are", "Your partner sent one", "paused");
		assertThat(main(page(this.him, "/"))).isEqualTo(offToday).doesNotContain("quiet signal");
		assertThat(main(page(this.him, "/insights"))).isEqualTo(offProgress).doesNotContain("Quiet signals");
		assertThat(export(this.him)).doesNotContain(signal.toString());
		assertThat(post(this.him, "/couple/reassurance/signals/" + signal + "/helped", "answer", "YES")).hasStatus(404);

		// She is told; she cannot signal; no email goes.
		assertThat(page(this.her, "/couple/reassurance")).contains("While sharing is paused, the quiet signal is off")
			.doesNotContain("action=\"/couple/reassurance/signal\"");
		assertThat(page(this.her, "/")).doesNotContain("/couple/reassurance/signal");
		assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(404);
		assertThat(signals()).hasSize(1);
		assertThat(mailsTo(this.him)).isEqualTo(mails);

		// When it ends, what she sent before it is his again.
		new TestCouples(this.jdbc, this.couple).pause(this.her, false);
		assertThat(page(this.him, "/couple/reassurance")).contains("Tell me where you are", "Your partner sent one");
	}

	@Test
	void aFewEmailsAnHourAtMostButEverySignalCounts() throws Exception {
		turn(this.her, true);
		turn(this.him, true);
		for (int i = 0; i < 5; i++) {
			assertThat(post(this.her, "/couple/reassurance/signal")).hasStatus(302);
		}
		assertThat(signals()).hasSize(5);
		assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
		assertThat(mailsTo(this.him)).isEqualTo(ReassuranceManagement.MAILS_PER_HOUR);
		assertThat(Jsoup.parse(page(this.him, "/insights")).select("#quiet-signals .reading").text())
			.startsWith("Your partner sent you 5 quiet signals.");
	}

	@Test
	void onlyTheTwoOfThemTouchItAndHisTherapistSeesNothingOfHers() throws Exception {
		turn(this.her, true);
		turn(this.him, true);
		post(this.him, "/couple/reassurance/items", "words", "Call you right away");
		post(this.her, "/couple/reassurance/signal");
		UUID signal = signals().get(0);
		UUID item = this.jdbc.sql("SELECT id FROM reassurance_item WHERE account_id = :me")
			.param("me", this.him.id().value())
			.query(UUID.class)
			.single();

		Person otherClient = this.people.client();
		Person otherPartner = this.people.withRole(Role.PARTNER);
		for (Person stranger : List.of(otherClient, otherPartner)) {
			assertThat(post(stranger, "/couple/reassurance/signals/" + signal + "/helped", "answer", "YES"))
				.hasStatus(404);
			assertThat(post(stranger, "/couple/reassurance/items/" + item + "/remove")).hasStatus(404);
			assertThat(page(stranger, "/couple/reassurance")).doesNotContain("Call you right away",
					"Your partner sent one");
		}
		// She cannot remove his line; nobody answers a signal that does not exist.
		assertThat(post(this.her, "/couple/reassurance/items/" + item + "/remove")).hasStatus(404);
		assertThat(post(this.him, "/couple/reassurance/signals/" + UUID.randomUUID() + "/helped", "answer", "YES"))
			.hasStatus(404);
		assertThat(post(this.him, "/couple/reassurance/signal")).hasStatus(403);
		assertThat(post(otherPartner, "/couple/reassurance/signal")).hasStatus(404);

		Person therapist = this.people.withRole(Role.THERAPIST);
		this.consultations.reassign(this.people.withRole(Role.ADMIN).id(), this.him.id(), therapist.id());
		this.sharing.grant(this.him.id(), therapist.id(), Category.INSIGHTS, GrantKind.THERAPIST, null);
		assertThat(this.mvc.get().uri("/couple/reassurance").with(this.people.signedIn(therapist))).hasStatus(403);
		assertThat(this.mvc.get()
			.uri("/care/clients/{id}/insights", this.him.id().value())
			.with(this.people.signedIn(therapist))).hasStatusOk().bodyText().doesNotContain("Quiet signal");
	}

	@Test
	void aLineTooLongOrEmptyIsExplainedBesideTheFieldAndKept() throws Exception {
		MvcTestResult empty = post(this.her, "/couple/reassurance/items", "words", "  ");
		assertThat(empty).hasStatusOk();
		assertThat(empty).bodyText().contains("id=\"words-error\"", "Write one thing, in a few words.");
		String longLine = "x".repeat(201);
		MvcTestResult tooLong = post(this.her, "/couple/reassurance/items", "words", longLine);
		assertThat(tooLong).bodyText().contains("Keep it under 200 characters (this has 201)", "value=\"" + longLine);
		for (int i = 0; i < ReassuranceManagement.MAX_ITEMS; i++) {
			post(this.her, "/couple/reassurance/items", "words", "Line " + i);
		}
		assertThat(post(this.her, "/couple/reassurance/items", "words", "One more")).bodyText()
			.contains("Your list holds up to 8 things.", "value=\"One more\"");
		assertThat(post(this.her, "/couple/reassurance/signals/" + UUID.randomUUID() + "/helped", "answer", "MAYBE"))
			.hasStatus(404);
	}

	private void turn(Person person, boolean on) {
		assertThat(post(person, "/couple/reassurance/setting", "on", String.valueOf(on)))
			.hasRedirectedUrl("/couple/reassurance");
	}

	private List<UUID> signals() {
		return this.jdbc.sql("SELECT id FROM reassurance_signal WHERE partner_id = :her ORDER BY sent_at, id")
			.param("her", this.her.id().value())
			.query(UUID.class)
			.list();
	}

	private int mailsTo(Person person) {
		return (int) Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(person.email());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private MvcTestResult post(Person person, String uri, String... params) {
		var request = this.mvc.post().uri(uri).with(this.people.signedIn(person)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private String page(Person person, String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/**
	 * The page's main content as text, without the parts that change on every request.
	 */
	private static String main(String html) {
		Document page = Jsoup.parse(html);
		page.select("input[name=_csrf]").remove();
		return page.select("main").outerHtml();
	}

	private static List<String> rows(Document progress) {
		return progress.select("#quiet-signals tbody tr").eachText();
	}

	private String export(Person person) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/insights/export").with(this.people.signedIn(person)).exchange();
		StringBuilder all = new StringBuilder();
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				all.append(entry.getName()).append('\n');
				all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
			}
		}
		return all.toString();
	}

}
