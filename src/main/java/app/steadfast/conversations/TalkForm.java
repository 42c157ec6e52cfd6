package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The log form, bound and converted by Spring. It holds no rules: a talk's rules are
 * {@link Talks#problems}', which logging one goes through. What cannot be converted is a
 * {@code typeMismatch} error beside its field, worded in {@code messages.properties}, and
 * the text he typed is shown back.
 *
 * @param topic one of his topics, or empty for a new one
 * @param newTopic a new topic's name
 * @param plan the plan he made for it, or empty
 * @param talkedOn the day (yyyy-mm-dd)
 * @param defensiveness 1 to 5
 * @param escalation whether it escalated
 * @param breakTaken whether he took a break
 * @param helped what helped
 * @param nextTime what he wants to try next time
 * @param resolved whether the topic feels resolved (a ticked box sends "true")
 * @param checkIn the check-in he links, or empty
 */
record TalkForm(@Nullable UUID topic, @Nullable String newTopic, @Nullable UUID plan,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate talkedOn, @Nullable Integer defensiveness,
		@Nullable Escalation escalation, @Nullable BreakTaken breakTaken, @Nullable String helped,
		@Nullable String nextTime, @Nullable Boolean resolved, @Nullable UUID checkIn) {

	/** An empty form for a talk on {@code day}, about the plan's topic if he made one. */
	static TalkForm on(LocalDate day, @Nullable PlanView plan) {
		return new TalkForm((plan != null) ? plan.topic().value() : null, "", (plan != null) ? plan.id().value() : null,
				day, null, null, null, "", "", false, null);
	}

	public boolean isResolved() {
		return Boolean.TRUE.equals(this.resolved);
	}

	/** What he entered, for the rules of talks to check. */
	TalkDetails details() {
		return new TalkDetails(this.topic, this.newTopic, this.plan, this.talkedOn, this.defensiveness, this.escalation,
				this.breakTaken, this.helped, this.nextTime, isResolved(), this.checkIn);
	}

}
