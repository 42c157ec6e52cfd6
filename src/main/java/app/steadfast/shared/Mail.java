package app.steadfast.shared;

/**
 * An email someone asked for: a reset link, an invitation, a reminder. Never clinical
 * content.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 */
public record Mail(String to, String subject, String text) {
}
