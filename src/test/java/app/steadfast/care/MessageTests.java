package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Secure messages between a client and his therapist: sealed at rest, every read of the
 * other's words audited, risk-checked like a journal entry, read receipts for the author,
 * an email with no words, and a thread nobody else can reach.
 */
@SteadfastTest
class MessageTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AuditLog audit;

	@Autowired
	Messages messages;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
	}

	@Test
	void whatHeWritesIsSealedAtRestAndReadBackByBothOfThem() {
		String words = "SENTINEL " + UUID.randomUUID() + " I nearly told her about the texts tonight.";
		assertThat(write(this.p.client(), words)).hasRedirectedUrl("/care/messages");

		List<String> stored = this.jdbc.sql("""
				SELECT m.body FROM care_message m JOIN care_message_thread t ON m.thread_id = t.id
				WHERE t.client_id = :c
				""").param("c", this.p.client().id().value()).query(String.class).list();
		assertThat(stored).singleElement()
			.satisfies((body) -> assertThat(body).doesNotContain("SENTINEL", "texts tonight"));

		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(this.p.client()))).hasStatusOk()
			.bodyText()
			.contains(words);
		assertThat(this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.therapist())))
			.hasStatusOk()
			.bodyText()
			.contains(words);
	}

	@Test
	void everyReadOfTheOthersWordsIsAuditedAndAnEmergencyReadIsMarkedAsOne() {
		write(this.p.client(), "Can we talk about Friday next time?");
		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(this.p.client()))).hasStatusOk();
		assertThat(reads(this.p.client().id().value())).as("his own words, read by him, are not audited").isEmpty();

		assertThat(this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.therapist())))
			.hasStatusOk();
		assertThat(reads(this.p.client().id().value())).singleElement().satisfies((row) -> {
			assertThat(row.actorId()).isEqualTo(this.p.therapist().id().value());
			assertThat(row.category()).isEqualTo(Messages.AUDITED);
			assertThat(row.reason()).isEqualTo(GrantKind.THERAPIST.name());
		});
		// He sees the read on his page of who saw what.
		assertThat(this.mvc.get().uri("/care/reads").with(this.people.signedIn(this.p.client()))).bodyText()
			.contains("Messages", this.p.therapist().displayName());

		reply(this.p.therapist(), this.p.client(), "Yes, let's start there.");
		this.mvc.get().uri("/care/messages").with(this.people.signedIn(this.p.client())).exchange();
		assertThat(reads(this.p.therapist().id().value())).singleElement().satisfies((row) -> {
			assertThat(row.actorId()).isEqualTo(this.p.client().id().value());
			assertThat(row.reason()).isEqualTo(Messages.CLIENT);
		});

		// Emergency access reads, audited as such, and marks nothing read for him.
		write(this.p.client(), "One more thing before Thursday.");
		this.sharing.grant(this.p.client().id(), this.p.otherTherapist().id(), Category.JOURNAL, GrantKind.BREAK_GLASS,
				Instant.now().plus(Duration.ofHours(24)));
		assertThat(this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.otherTherapist())))
			.hasStatusOk()
			.bodyText()
			.contains("One more thing before Thursday.", "emergency access")
			.doesNotContain("Send reply");
		assertThat(reads(this.p.client().id().value())).anySatisfy((row) -> {
			assertThat(row.actorId()).isEqualTo(this.p.otherTherapist().id().value());
			assertThat(row.reason()).isEqualTo(GrantKind.BREAK_GLASS.name());
		});
		assertThat(this.messages.unreadBy(this.p.therapist().id())).isEqualTo(1);
		assertThat(this.mvc.post()
			.uri(threadOf(this.p.client()))
			.with(this.people.signedIn(this.p.otherTherapist()))
			.with(csrf())
			.param("body", "Checking in.")).hasStatus(404);
	}

	@Test
	void aRiskyMessageShowsCrisisLinesAndAlertsHisTherapistOnlyWhereHeGrantedIt() {
		MvcTestResult ungranted = write(this.p.otherClient(), "I want to kill myself.");
		assertThat(ungranted).hasRedirectedUrl("/care/messages");
		assertThat(ungranted.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
		assertThat(this.mvc.get()
			.uri("/care/messages")
			.with(this.people.signedIn(this.p.otherClient()))
			.cookie(TestPeople.sessionOf(ungranted))).bodyText()
			.contains("You don't have to carry this alone right now", "href=\"tel:988\"",
					"Are you thinking about ending your life?", "I want to kill myself.");

		this.sharing.grant(this.p.client().id(), this.p.therapist().id(), Category.RISK_ALERTS, GrantKind.THERAPIST,
				null);
		MvcTestResult granted = write(this.p.client(), "I'm going to end my life");
		assertThat(granted.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
		await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(this.p.client()) == 1);
		assertThat(this.jdbc.sql("SELECT source FROM care_alert WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(String.class)
			.single()).isEqualTo("MESSAGE");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> alertsAbout(this.p.otherClient()) == 0);
		assertThat(this.mvc.get().uri("/care/alerts").with(this.people.signedIn(this.p.therapist()))).bodyText()
			.contains("a message to you, about suicide")
			.doesNotContain("end my life");

		MvcTestResult calm = write(this.p.client(), "Thanks for last week.");
		assertThat(calm.getMvcResult().getFlashMap().get("crisis")).isEqualTo(false);
	}

	@Test
	void nobodyElseReachesTheThread() {
		write(this.p.client(), "Just for you.");
		String thread = threadOf(this.p.client());
		assertThat(this.mvc.get().uri(thread).with(this.people.signedIn(this.p.otherTherapist()))).hasStatus(404);
		assertThat(this.mvc.get().uri(thread).with(this.people.signedIn(this.p.otherClient()))).hasStatus(403);
		assertThat(this.mvc.get().uri(thread).with(this.people.signedIn(this.p.partner()))).hasStatus(403);
		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(this.p.partner()))).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/care/messages")
			.with(this.people.signedIn(this.p.partner()))
			.with(csrf())
			.param("body", "Hello")).hasStatus(404);
		Person alone = this.people.client();
		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(alone))).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/care/clients/" + UUID.randomUUID() + "/messages")
			.with(this.people.signedIn(this.p.therapist()))).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/care/clients/" + this.p.partner().id().value() + "/messages")
			.with(this.people.signedIn(this.p.therapist()))).hasStatus(404);
		assertThat(this.mvc.get().uri("/care/messages")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get().uri("/care/inbox").with(this.people.signedIn(this.p.otherTherapist()))).hasStatusOk()
			.bodyText()
			.doesNotContain(this.p.client().displayName());
		// The other client's own page shows only his own (empty) thread.
		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(this.p.otherClient()))).hasStatusOk()
			.bodyText()
			.doesNotContain("Just for you.");
	}

	@Test
	void anEmptyOrOverLongMessageIsRefusedBesideTheFieldWithTheWordsKept() {
		assertThat(write(this.p.client(), "   ")).hasStatusOk()
			.bodyText()
			.contains("Write your message first", "id=\"body-error\"");
		String tooLong = "I have so much to say. ".repeat(200);
		assertThat(write(this.p.client(), tooLong)).hasStatusOk()
			.bodyText()
			.contains("Keep a message under 4000 characters", tooLong.strip());
		assertThat(reply(this.p.therapist(), this.p.client(), "")).hasStatusOk()
			.bodyText()
			.contains("Write your message first");
		assertThat(this.messages.read(this.p.client().id(), this.p.client().id())).isEmpty();
	}

	@Test
	void theEmailSaysOnlyThatAMessageWaitsWithALink() throws Exception {
		write(this.p.client(), "PRIVATE-WORDS about the weekend");
		write(this.p.client(), "And one more, before you read the first");
		List<MimeMessage> toTherapist = awaitMail(this.p.therapist(), 1);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailTo(this.p.therapist()).size() == 1);
		MimeMessage mail = toTherapist.get(0);
		assertThat(mail.getSubject()).isEqualTo("You have a new message in Steadfast");
		String link = "/care/clients/" + this.p.client().id().value() + "/messages";
		String text = String.valueOf(mail.getContent());
		assertThat(text).contains(link).doesNotContain("PRIVATE", "weekend", this.p.client().displayName());
		assertThat(text.replace("You have a new message in Steadfast.", "").replaceAll("\\S*" + link, "").strip())
			.as("nothing but the sentence and the link")
			.isEmpty();

		reply(this.p.therapist(), this.p.client(), "PRIVATE-REPLY see you Thursday");
		MimeMessage toClient = awaitMail(this.p.client(), 1).get(0);
		assertThat(String.valueOf(toClient.getContent())).contains("/care/messages").doesNotContain("PRIVATE");
	}

	@Test
	void theAuthorSeesWhenHisMessageWasReadInHisOwnZone() {
		this.accounts.changeZone(this.p.client().id(), ZoneId.of("America/Los_Angeles"));
		write(this.p.client(), "Did you get this?");
		assertThat(page(this.p.client())).contains("Not read yet");
		assertThat(this.mvc.get().uri("/care/inbox").with(this.people.signedIn(this.p.therapist()))).bodyText()
			.contains("1 new message");

		this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.therapist())).exchange();
		Instant readAt = this.jdbc.sql("""
				SELECT m.read_at FROM care_message m JOIN care_message_thread t ON m.thread_id = t.id
				WHERE t.client_id = :c
				""").param("c", this.p.client().id().value()).query(java.sql.Timestamp.class).single().toInstant();
		String shown = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH)
			.withZone(ZoneId.of("America/Los_Angeles"))
			.format(readAt);
		assertThat(page(this.p.client())).contains("Read " + shown).doesNotContain("Not read yet");
		assertThat(this.messages.unreadBy(this.p.therapist().id())).isZero();

		// His reply is unread until he opens it; then the therapist sees it read.
		reply(this.p.therapist(), this.p.client(), "I did.");
		assertThat(page(this.p.therapist(), threadOf(this.p.client()))).contains("Not read yet");
		page(this.p.client());
		assertThat(page(this.p.therapist(), threadOf(this.p.client()))).contains("Read ")
			.doesNotContain("Not read yet");
	}

	@Test
	void heSeesHisTherapistsHoursBeforeWritingAndWhenToExpectAnAnswerAfter() {
		assertThat(page(this.p.client())).contains("Messages are read on weekdays", "within 2 working days",
				"Call or text 988");
		assertThat(this.mvc.post()
			.uri("/care/office-hours")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("hours", "I read messages on Tuesdays and Thursdays.")
			.param("replyDays", "9")).hasStatusOk()
			.bodyText()
			.contains("Choose from 1 to 5 working days", "I read messages on Tuesdays and Thursdays.");
		assertThat(this.mvc.post()
			.uri("/care/office-hours")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("hours", "I read messages on Tuesdays and Thursdays.")
			.param("replyDays", "soon")).hasStatusOk()
			.bodyText()
			.contains("Give a number of working days, from 1 to 5.");
		assertThat(this.mvc.post()
			.uri("/care/office-hours")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("hours", "I read messages on Tuesdays and Thursdays.")
			.param("replyDays", "3")).hasRedirectedUrl("/care/office-hours");

		assertThat(page(this.p.client())).contains("I read messages on Tuesdays and Thursdays.",
				"within 3 working days");
		MvcTestResult sent = write(this.p.client(), "A question for Thursday.");
		assertThat(String.valueOf(sent.getMvcResult().getFlashMap().get("notice"))).contains("Expect an answer by ");

		assertThat(OfficeHours.answerBy(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(OfficeHours.answerBy(LocalDate.of(2026, 12, 5), 2).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(OfficeHours.answerBy(LocalDate.of(2026, 12, 7), 5)).isEqualTo(LocalDate.of(2026, 12, 14));
	}

	@Test
	void theInboxShowsUnreadThreadsFirst() {
		write(this.p.client(), "First, from him.");
		write(this.p.otherClient(), "From the other client.");
		this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.therapist())).exchange();
		write(this.p.client(), "Hmm");
		this.mvc.get().uri(threadOf(this.p.client())).with(this.people.signedIn(this.p.therapist())).exchange();
		String inbox = page(this.p.therapist(), "/care/inbox");
		assertThat(inbox.indexOf(threadOf(this.p.otherClient()))).as("the unread thread comes first, though older")
			.isPositive()
			.isLessThan(inbox.indexOf(threadOf(this.p.client())));
		assertThat(inbox).contains("1 new message", "None");
	}

	@Test
	void hisExportHoldsTheConversationAndReadingItThereIsAudited() throws Exception {
		write(this.p.client(), "EXPORT-MINE a question");
		reply(this.p.therapist(), this.p.client(), "EXPORT-THEIRS an answer");
		MvcTestResult export = this.mvc.get()
			.uri("/insights/export")
			.with(this.people.signedIn(this.p.client()))
			.exchange();
		assertThat(export).hasStatusOk();
		String json = null;
		try (var zip = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("messages.json")) {
					json = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(json).contains("EXPORT-MINE a question", "EXPORT-THEIRS an answer", "\"you\"", "\"your therapist\"");
		assertThat(reads(this.p.therapist().id().value())).singleElement()
			.satisfies((row) -> assertThat(row.actorId()).isEqualTo(this.p.client().id().value()));
	}

	private MvcTestResult write(Person client, String body) {
		return this.mvc.post()
			.uri("/care/messages")
			.with(this.people.signedIn(client))
			.with(csrf())
			.param("body", body)
			.exchange();
	}

	private MvcTestResult reply(Person therapist, Person client, String body) {
		return this.mvc.post()
			.uri(threadOf(client))
			.with(this.people.signedIn(therapist))
			.with(csrf())
			.param("body", body)
			.exchange();
	}

	private String page(Person client) {
		return page(client, "/care/messages");
	}

	private String page(Person person, String path) {
		try {
			return this.mvc.get()
				.uri(path)
				.with(this.people.signedIn(person))
				.exchange()
				.getResponse()
				.getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String threadOf(Person client) {
		return "/care/clients/" + client.id().value() + "/messages";
	}

	private List<AuditRecord> reads(UUID subject) {
		return this.audit.about(subject, 200)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ && Messages.AUDITED.equals(row.category()))
			.toList();
	}

	private long alertsAbout(Person client) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_alert WHERE client_id = :c")
			.param("c", client.id().value())
			.query(Long.class)
			.single();
	}

	private List<MimeMessage> awaitMail(Person to, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(to).size() >= count);
		return mailTo(to);
	}

	private static List<MimeMessage> mailTo(Person to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to.email());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
