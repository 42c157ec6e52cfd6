package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccountId;

/**
 * One logged talk, with his partner's view of it beside his (never in place of it).
 *
 * @param id the talk
 * @param owner who logged it
 * @param topic the topic (after merges)
 * @param topicName the topic's current name
 * @param plan the plan he made for it, or {@code null}
 * @param talkedOn the day of the talk
 * @param defensiveness how defensive he got, 1 (not at all) to 5 (very)
 * @param escalation whether it escalated
 * @param breakTaken whether he took a break and came back
 * @param helped what helped, or {@code null}
 * @param nextTime what he wants to try next time, or {@code null}
 * @param resolved whether the topic feels resolved
 * @param partnerViews what his partner said of it
 * @param checkIn the check-in he linked to it, for his own eyes; {@code null} otherwise
 */
public record TalkView(TalkId id, AccountId owner, TopicId topic, String topicName, PlanId plan, LocalDate talkedOn,
		int defensiveness, Escalation escalation, BreakTaken breakTaken, String helped, String nextTime,
		boolean resolved, List<PartnerView> partnerViews, UUID checkIn) {

	/**
	 * His partner's view of a talk.
	 *
	 * @param viewer who gave it
	 * @param escalation whether it escalated, as they saw it
	 * @param feltHeard how heard they felt, 1 (not at all) to 5 (fully)
	 * @param note their note, or {@code null}
	 */
	public record PartnerView(AccountId viewer, Escalation escalation, int feltHeard, String note) {
	}

	/** The view this person gave, if any. */
	public PartnerView viewOf(AccountId viewer) {
		return this.partnerViews.stream().filter((v) -> v.viewer().equals(viewer)).findFirst().orElse(null);
	}

}
