package app.steadfast;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/**
 * A real SMTP server in-process, on the port every test context sends mail to.
 */
public final class TestMail {

	private TestMail() {
	}

	/** A fresh server for one test class; register it with {@code @RegisterExtension}. */
	public static GreenMailExtension smtpServer() {
		return new GreenMailExtension(new ServerSetup(TestDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

	/**
	 * The first email the server received for that address, waiting up to 10 seconds:
	 * some go out after the answer to the request that sent them.
	 */
	public static MimeMessage awaitTo(GreenMailExtension smtp, String address) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
				try {
					return m.getAllRecipients()[0].toString().equals(address);
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** The first recipient of an email. */
	public static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first email to that address whose subject starts so, waiting up to 10 seconds.
	 */
	public static MimeMessage awaitSubject(GreenMailExtension smtp, String address, String subjectStart) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
				try {
					return recipient(m).equals(address) && m.getSubject().startsWith(subjectStart);
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

}
