package app.steadfast.conversations;

import java.util.List;

/**
 * The prepare form, as typed.
 *
 * @param topic the id of one of his topics, or empty for a new one
 * @param newTopic a new topic's name
 * @param about what the talk is about
 * @param mayNeed what his partner may need to hear
 * @param wontSay the names of the defensive moves he will not make
 * @param wontSayOther anything else he will not say
 * @param validation one sentence of validation
 */
record PlanForm(String topic, String newTopic, String about, String mayNeed, List<String> wontSay, String wontSayOther,
		String validation) {

	PlanForm {
		wontSay = (wontSay != null) ? List.copyOf(wontSay) : List.of();
	}

	static PlanForm empty() {
		return new PlanForm("", "", "", "", List.of(), "", "");
	}

}
