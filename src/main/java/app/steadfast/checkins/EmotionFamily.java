package app.steadfast.checkins;

import java.util.List;

/**
 * A family of feeling words; the vulnerable families come first in the vocabulary.
 *
 * @param name the family's name, itself one of its words
 * @param pleasant whether it is a pleasant family
 * @param words its words, in the vocabulary's order
 */
public record EmotionFamily(String name, boolean pleasant, List<Emotion> words) {

	public EmotionFamily {
		words = List.copyOf(words);
	}

	/** Whether the family runs high in energy: its words' setting. */
	public boolean energetic() {
		return !this.words.isEmpty() && this.words.get(0).energetic();
	}

	/**
	 * Where the family sits on the two scales the check-in colours it by, as a CSS class
	 * and in words for everyone who does not see the colour.
	 */
	public String quadrant() {
		return (this.pleasant ? "pleasant" : "unpleasant") + "-" + (energetic() ? "higher" : "lower");
	}

	/** {@link #quadrant()} in plain words. */
	public String quadrantLabel() {
		return (this.pleasant ? "pleasant" : "unpleasant") + ", " + (energetic() ? "more energy" : "less energy");
	}

}
