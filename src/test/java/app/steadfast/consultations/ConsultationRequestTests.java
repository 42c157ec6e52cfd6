package app.steadfast.consultations;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.TestDatabases;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form: a request is stored (its message encrypted), he gets a confirmation,
 * the practice a notification without his words; bad input is explained per field; a
 * robot's request and a flood from one address are turned away without losing a real one.
 */
@SteadfastTest
class ConsultationRequestTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Encryption encryption;

	@Test
	void theFormIsOpenToEveryoneAndSaysWhatHappensToWhatHeWrites() {
		MvcTestResult page = this.mvc.get().uri("/consultation").exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Ask for a free consultation", "Your privacy", "stored encrypted",
					"wouldn't want written in an email", "You may contact me", "Weekday evenings", "name=\"website\"",
					"autocomplete=\"given-name\"");
	}

	@Test
	void aRequestIsStoredConfirmedToHimAndAnnouncedToThePracticeWithoutHisWords() throws Exception {
		String secret = "SENTINEL-" + UUID.randomUUID() + " I lied to her about the money";
		RequestSamples sample = RequestSamples.valid().with("message", secret);
		MvcTestResult sent = sample.send(this.mvc);
		assertThat(sent).hasRedirectedUrl("/consultation?received");

		MvcTestResult confirmation = this.mvc.get()
			.uri("/consultation?received")
			.cookie(TestPeople.sessionOf(sent))
			.exchange();
		assertThat(confirmation).hasStatusOk();
		assertThat(confirmation).bodyText()
			.contains("We have your request", "within <strong>one business day</strong>", "by email",
					"We've sent a short confirmation to your email");

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage toHim = to(received, sample.value("email"));
		assertThat(toHim.getSubject()).startsWith("We received your request");
		assertThat(text(toHim)).contains("Hello Daniel", "within one business day", "by email")
			.doesNotContain(secret)
			.doesNotContain("SENTINEL");
		MimeMessage toPractice = to(received, "consultations@localhost");
		assertThat(toPractice.getSubject()).isEqualTo("New free-consultation request");
		assertThat(text(toPractice)).contains("http://localhost:8080/consultations/")
			.doesNotContain(secret)
			.doesNotContain("SENTINEL")
			.doesNotContain("money")
			.doesNotContain(sample.value("email"));

		Map<String, Object> row = this.jdbc.sql("SELECT * FROM consultation WHERE email = :email")
			.param("email", sample.value("email"))
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("NEW");
		assertThat(row.get("times")).isEqualTo("WEEKDAY_EVENING,SATURDAY");
	}

	@Test
	void hisMessageIsEncryptedAtRest() {
		String secret = "SENTINEL-" + UUID.randomUUID() + " my partner found the messages";
		RequestSamples sample = RequestSamples.valid().with("message", secret);
		assertThat(sample.send(this.mvc)).hasRedirectedUrl("/consultation?received");

		Map<String, Object> row = this.jdbc.sql("SELECT id, message FROM consultation WHERE email = :email")
			.param("email", sample.value("email"))
			.query()
			.singleRow();
		String stored = (String) row.get("message");
		assertThat(stored).doesNotContain("SENTINEL").doesNotContain("partner");
		String dump = TestDatabases.onPostgres()
				? String.join("\n", this.jdbc.sql("SELECT c::text FROM consultation c").query(String.class).list())
				: String.join("\n", this.jdbc.sql("SCRIPT").query((rs, i) -> rs.getString(1)).list());
		assertThat(dump).contains(row.get("id").toString()).doesNotContain(secret).doesNotContain("SENTINEL-");
		UUID id = (UUID) row.get("id");
		assertThat(this.encryption.open(stored, EncryptionBinding.of("consultation.message", id, id)))
			.isEqualTo(secret);
	}

	@Test
	void badInputIsExplainedNextToEachFieldAndWhatHeTypedStays() {
		long before = count();
		MvcTestResult result = RequestSamples.valid()
			.with("name", "")
			.with("email", "not-an-address")
			.with("phone", "")
			.with("contactBy", "CARRIER_PIGEON")
			.without("times")
			.without("topics")
			.without("consent")
			.with("message", "Keep this <b>text</b>")
			.send(this.mvc);
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Please check the form")
			.contains("id=\"name-error\"", "Tell us what to call you.")
			.contains("id=\"email-error\"", "doesn’t look like an email address")
			.contains("id=\"contactBy-error\"", "Choose how you would like us to reach you.")
			.contains("id=\"times-error\"", "Choose at least one time that suits you.")
			.contains("id=\"topics-error\"", "I’m not sure yet")
			.contains("id=\"consent-error\"", "Tick the box")
			.contains("value=\"not-an-address\"", "Keep this &lt;b&gt;text&lt;/b&gt;")
			.contains("aria-invalid=\"true\"");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void thereMustBeAWayToReachHimThatFitsHowHeWantsToBeReached() {
		assertThat(RequestSamples.valid().with("email", "").with("phone", "").send(this.mvc)).bodyText()
			.contains("id=\"email-error\"", "Give us an email address or a phone number");
		assertThat(RequestSamples.valid().with("phone", "").with("contactBy", "PHONE_CALL").send(this.mvc)).bodyText()
			.contains("id=\"phone-error\"", "You chose a call or a text");
		assertThat(RequestSamples.valid().with("email", "").with("contactBy", "EMAIL").send(this.mvc)).bodyText()
			.contains("id=\"email-error\"", "You chose email");
		assertThat(RequestSamples.valid().with("phone", "12").send(this.mvc)).bodyText()
			.contains("id=\"phone-error\"", "doesn’t look like a phone number");
		assertThat(RequestSamples.valid().with("message", "x".repeat(1001)).send(this.mvc)).bodyText()
			.contains("id=\"message-error\"", "Keep your message to 1,000 characters");
	}

	@Test
	void aRequestWithOnlyAPhoneNumberGetsNoConfirmationEmailButThePracticeHears() {
		RequestSamples sample = RequestSamples.valid().with("email", "").with("contactBy", "TEXT_MESSAGE");
		MvcTestResult sent = sample.send(this.mvc);
		assertThat(sent).hasRedirectedUrl("/consultation?received");
		assertThat(this.mvc.get().uri("/consultation?received").cookie(TestPeople.sessionOf(sent))).bodyText()
			.contains("by text message")
			.doesNotContain("sent a short confirmation");
		assertThat(smtp.getReceivedMessages()).singleElement()
			.satisfies((m) -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("consultations@localhost"));
	}

	@Test
	void aRobotFillingTheHiddenFieldIsAnsweredLikeAPersonButNothingIsStoredOrSent() {
		long before = count();
		RequestSamples sample = RequestSamples.valid().with("website", "http://spam.example");
		MvcTestResult sent = sample.send(this.mvc);
		assertThat(sent).hasRedirectedUrl("/consultation?received");
		assertThat((Map<String, Object>) sent.getMvcResult().getFlashMap()).containsKeys("contactBy", "emailGiven");
		assertThat(count()).isEqualTo(before);
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void theSixthRequestFromOneAddressWithinTheHourGets429AndKeepsWhatHeTypedWhileTheFiveAreKept() {
		String address = RequestSamples.freshAddress();
		long before = count();
		for (int i = 0; i < 5; i++) {
			assertThat(RequestSamples.valid().with("name", "Caller " + i).send(this.mvc, address))
				.hasRedirectedUrl("/consultation?received");
		}
		assertThat(count()).isEqualTo(before + 5);

		MvcTestResult limited = RequestSamples.valid().with("name", "Sixth caller").send(this.mvc, address);
		assertThat(limited).hasStatus(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(limited).bodyText()
			.contains("We need a short pause", "What you typed is still in the form", "consultations@localhost")
			.contains("value=\"Sixth caller\"", "I want to do this properly.");
		assertThat(count()).isEqualTo(before + 5);

		assertThat(RequestSamples.valid().send(this.mvc)).hasRedirectedUrl("/consultation?received");
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM consultation").query(Long.class).single();
	}

	private static MimeMessage to(MimeMessage[] messages, String address) {
		return Arrays.stream(messages).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no email to " + address));
	}

	static String text(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof jakarta.mail.Multipart parts) {
				return String.valueOf(parts.getBodyPart(0).getContent());
			}
			return String.valueOf(content);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
