package app.steadfast.conversations;

/**
 * The log form, as typed.
 *
 * @param topic the id of one of his topics, or empty for a new one
 * @param newTopic a new topic's name
 * @param plan the id of the plan he made for it, or empty
 * @param talkedOn the day (yyyy-mm-dd)
 * @param defensiveness 1 to 5
 * @param escalation an {@link Escalation} name
 * @param breakTaken a {@link BreakTaken} name
 * @param helped what helped
 * @param nextTime what he wants to try next time
 * @param resolved "true" when the topic feels resolved
 * @param checkIn the id of the check-in he links, or empty
 */
record TalkForm(String topic, String newTopic, String plan, String talkedOn, String defensiveness, String escalation,
		String breakTaken, String helped, String nextTime, String resolved, String checkIn) {

	public boolean isResolved() {
		return "true".equals(this.resolved);
	}

}
