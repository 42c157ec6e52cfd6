package app.steadfast.conversations;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;

/**
 * He logged a talk. Carries ids and the day only.
 *
 * @param talk the talk
 * @param owner who logged it
 * @param talkedOn the day of the talk
 */
public record TalkLogged(TalkId talk, AccountId owner, LocalDate talkedOn) {
}
