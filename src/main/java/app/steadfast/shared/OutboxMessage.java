package app.steadfast.shared;

import java.time.Instant;
import java.util.List;

/**
 * What the admin may know of a message kept in the local outbox: who, when and what kind.
 * Never its body: a reset or invitation link in it would sign the admin in as someone
 * else. The body stays in the message's file, for its owner.
 *
 * @param name the file name, which identifies it
 * @param to the recipient
 * @param subject the subject line, which says what kind of email it is
 * @param written when it was written
 * @param attachments the names of the files sent with it, often none
 */
public record OutboxMessage(String name, String to, String subject, Instant written, List<String> attachments) {

	public OutboxMessage {
		attachments = List.copyOf(attachments);
	}

}
