package app.steadfast.checkins;

/**
 * What he did with a feeling. Some responses help, some make things worse; both are named
 * plainly, without judgement, because noticing is the point.
 */
public enum Response {

	NAMED_IT("I named it to myself", true), BREATHED("I paused and breathed", true),
	TALKED("I talked it through with someone", true), WROTE("I wrote it down", true),
	MOVED("I moved: a walk, the gym", true), ASKED_FOR_TIME("I asked for time before answering", true),
	WITHDREW("I went quiet or pulled away", false), SNAPPED("I snapped or raised my voice", false),
	DEFENDED("I got defensive", false), NUMBED("I numbed it: drink, screens, work", false),
	NOTHING_YET("Nothing yet", true);

	private final String label;

	private final boolean helpful;

	Response(String label, boolean helpful) {
		this.label = label;
		this.helpful = helpful;
	}

	/** The words shown for it. */
	public String label() {
		return this.label;
	}

	/** Whether it tends to help. */
	public boolean helpful() {
		return this.helpful;
	}

}
