package app.steadfast.safety;

/**
 * One place to reach help.
 *
 * @param name the service's name
 * @param contact how to reach it, as a person would say it ("Call or text 988")
 * @param href a link that starts the contact ({@code tel:988}, {@code sms:...})
 * @param when when to use it, in one sentence
 */
public record CrisisLine(String name, String contact, String href, String when) {
}
