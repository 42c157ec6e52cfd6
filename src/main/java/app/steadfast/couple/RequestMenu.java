package app.steadfast.couple;

/**
 * Concrete things that could help the partner who was hurt, because it is often hard to
 * know what to ask for. She can also ask in her own words.
 */
public enum RequestMenu {

	WHERE_YOU_ARE("Tell me where you are when plans change."),
	NO_SIGHING("Answer my questions without sighing or getting short with me."),
	SPACE("Give me space when I ask for it, without taking it personally."),
	CHECK_IN_FIRST("Tell me before I find out some other way."), PHONE_DOWN("Put your phone away when we talk."),
	NO_RUSHING("Don't rush me to get over it."), ASK_HOW_I_AM("Ask how I'm doing, and listen to the answer."),
	FOLLOW_THROUGH("Do the small things you say you'll do.");

	private final String text;

	RequestMenu(String text) {
		this.text = text;
	}

	/** The request in words. */
	public String text() {
		return this.text;
	}

}
