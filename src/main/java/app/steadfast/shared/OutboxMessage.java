package app.steadfast.shared;

import java.time.Instant;

/**
 * A message kept in the local outbox because no SMTP server is configured.
 *
 * @param name the file name, which identifies it
 * @param to the recipient
 * @param subject the subject line
 * @param written when it was written
 * @param text the plain-text body
 */
public record OutboxMessage(String name, String to, String subject, Instant written, String text) {
}
