package app.steadfast.conversations;

/**
 * A phrase card: one of the practice's, his edited copy of one, or his own.
 *
 * @param key the shipped card's key, or his own card's id
 * @param kind what the card is for
 * @param text the words he sees (his version if he edited it)
 * @param original the practice's words, or {@code null} for his own card
 */
public record PhraseCard(String key, Kind kind, String text, String original) {

	/** What a card is for. */
	public enum Kind {

		LISTENING("Listening and reflecting back"), VALIDATING("Validating"), PAUSING("Taking a break"),
		OWN("Your own");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The kind in words. */
		public String label() {
			return this.label;
		}

	}

	/** Whether he changed the practice's words. */
	public boolean edited() {
		return this.original != null && !this.original.equals(this.text);
	}

	/** Whether it is his own card. */
	public boolean own() {
		return this.kind == Kind.OWN;
	}

}
