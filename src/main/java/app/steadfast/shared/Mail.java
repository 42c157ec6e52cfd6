package app.steadfast.shared;

import java.util.List;
import java.util.Objects;

/**
 * An email someone asked for: a reset link, an invitation, a reminder. Never clinical
 * content.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param attachments files sent with it, such as a calendar invitation; often none
 */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

	public Mail {
		attachments = List.copyOf(attachments);
	}

	/** A plain-text email without attachments. */
	public Mail(String to, String subject, String text) {
		this(to, subject, text, List.of());
	}

	/**
	 * A file sent with an email.
	 *
	 * @param fileName the name the recipient sees, such as {@code consultation.ics}
	 * @param contentType its MIME type, with parameters, such as
	 * {@code text/calendar; charset=UTF-8; method=REQUEST}
	 * @param content its bytes
	 */
	public record Attachment(String fileName, String contentType, byte[] content) {

		public Attachment {
			Objects.requireNonNull(fileName, "fileName");
			Objects.requireNonNull(contentType, "contentType");
			content = content.clone();
		}

		@Override
		public byte[] content() {
			return this.content.clone();
		}

	}

}
