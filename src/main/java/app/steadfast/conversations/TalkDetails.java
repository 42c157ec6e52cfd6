package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A talk as he logged it. The topic is one of his tags, or a new tag's name.
 *
 * @param topic an existing tag, or {@code null}
 * @param newTopic a new tag's name, used when {@code topic} is {@code null}
 * @param plan the plan he made for it, optional
 * @param talkedOn the day of the talk, not in the future
 * @param defensiveness 1 to 5
 * @param escalation whether it escalated
 * @param breakTaken whether he took a break and came back
 * @param helped what helped, optional
 * @param nextTime what he wants to try next time, optional
 * @param resolved whether the topic feels resolved
 * @param checkIn the check-in he made around it, optional
 */
public record TalkDetails(UUID topic, String newTopic, UUID plan, LocalDate talkedOn, Integer defensiveness,
		Escalation escalation, BreakTaken breakTaken, String helped, String nextTime, boolean resolved, UUID checkIn) {

	/** A talk not linked to a check-in. */
	public TalkDetails(UUID topic, String newTopic, UUID plan, LocalDate talkedOn, Integer defensiveness,
			Escalation escalation, BreakTaken breakTaken, String helped, String nextTime, boolean resolved) {
		this(topic, newTopic, plan, talkedOn, defensiveness, escalation, breakTaken, helped, nextTime, resolved, null);
	}

}
