package app.steadfast.care;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import app.steadfast.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;

/** The calendar files (.ics) in the emails a test's SMTP server received. */
public final class SessionCalendarFiles {

	private SessionCalendarFiles() {
	}

	/**
	 * The calendar file of the first email to that address that carries one, waiting for
	 * it.
	 */
	public static String invitationTo(GreenMailExtension smtp, String address) {
		MimeMessage message = TestMail.awaitTo(smtp, address);
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> TestMail.recipient(m).equals(address))
			.map(SessionCalendarFiles::calendarPart)
			.filter((text) -> !text.isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no calendar file to " + address + " in " + message));
	}

	public static String calendarPart(jakarta.mail.Part part) {
		try {
			if (part.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/calendar")) {
				return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			if (part.getContent() instanceof jakarta.mail.Multipart parts) {
				for (int i = 0; i < parts.getCount(); i++) {
					String found = calendarPart(parts.getBodyPart(i));
					if (!found.isEmpty()) {
						return found;
					}
				}
			}
			return "";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
