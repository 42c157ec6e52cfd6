package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.Set;

import app.steadfast.shared.AccountId;

/**
 * A talk he logged (or a merge he made) left one of his topics recurring: a stuck signal.
 * Ids, kinds, a count and a date only; never the topic's name.
 *
 * @param owner whose topic it is
 * @param topic the topic (after merges)
 * @param kinds why it counts as recurring
 * @param count how many talks on it since {@code since}
 * @param since the first day counted
 */
public record RecurringTopicNoticed(AccountId owner, TopicId topic, Set<RecurrenceKind> kinds, int count,
		LocalDate since) {
}
