package app.steadfast.conversations;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The prepare form, bound and converted by Spring. It holds no rules: a plan's rules are
 * {@link Plans#problems}', which preparing one goes through. What cannot be converted is
 * a {@code typeMismatch} error beside its field, worded in {@code messages.properties}.
 *
 * @param topic one of his topics, or empty for a new one
 * @param newTopic a new topic's name
 * @param about what the talk is about
 * @param mayNeed what his partner may need to hear
 * @param wontSay the defensive moves he will not make
 * @param wontSayOther anything else he will not say
 * @param validation one sentence of validation
 */
record PlanForm(@Nullable UUID topic, @Nullable String newTopic, @Nullable String about, @Nullable String mayNeed,
		@Nullable List<DefensiveMove> wontSay, @Nullable String wontSayOther, @Nullable String validation) {

	PlanForm {
		// A blank choice (only spaces or line breaks) binds as no move at all.
		wontSay = (wontSay != null) ? wontSay.stream().filter(java.util.Objects::nonNull).toList() : List.of();
	}

	static PlanForm empty() {
		return new PlanForm(null, "", "", "", List.of(), "", "");
	}

	/** What he entered, for the rules of plans to check. */
	PlanDetails details() {
		return new PlanDetails(this.topic, this.newTopic, this.about, this.mayNeed,
				this.wontSay.isEmpty() ? EnumSet.noneOf(DefensiveMove.class) : EnumSet.copyOf(this.wontSay),
				this.wontSayOther, this.validation);
	}

}
