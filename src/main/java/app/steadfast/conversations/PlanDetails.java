package app.steadfast.conversations;

import java.util.Set;
import java.util.UUID;

/**
 * A plan as he gave it. The topic is one of his tags, or a new tag's name.
 *
 * @param topic an existing tag, or {@code null}
 * @param newTopic a new tag's name, used when {@code topic} is {@code null}
 * @param about what the talk is about
 * @param mayNeed what his partner may need to hear, optional
 * @param wontSay the defensive moves he will not make
 * @param wontSayOther anything else he will not say, optional
 * @param validation one sentence of validation
 */
public record PlanDetails(UUID topic, String newTopic, String about, String mayNeed, Set<DefensiveMove> wontSay,
		String wontSayOther, String validation) {

	/** The longest free text answer. */
	public static final int MAX_TEXT = 1000;

	/** The longest topic name. */
	public static final int MAX_TOPIC = 80;

	public PlanDetails {
		wontSay = (wontSay != null) ? Set.copyOf(wontSay) : Set.of();
	}

}
