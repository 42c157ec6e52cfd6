package app.steadfast.checkins;

/**
 * A word for a feeling, from the practice's vocabulary.
 *
 * @param word the word
 * @param family the family it belongs to (for example shame, fear, hope)
 * @param definition one plain line on what it means
 * @param pleasant whether it is one of the pleasant families
 * @param energetic whether its family runs high in energy (anger, fear, hope) rather than
 * low (sadness, calm)
 */
public record Emotion(String word, String family, String definition, boolean pleasant, boolean energetic) {
}
