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

}
