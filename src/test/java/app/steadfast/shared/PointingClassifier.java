package app.steadfast.shared;

import java.util.List;
import java.util.Map;

/**
 * For tests of which sentence model a check reads with: a one-layer classifier, said to
 * be trained on one model's readings, that leans to one label as far as a reading points
 * the way of a given one (and to NONE otherwise). Read with the model whose reading it
 * was given, that sentence scores near 1; read with another model, whose numbers mean
 * something else, near 0.
 */
public final class PointingClassifier {

	private PointingClassifier() {
	}

	/**
	 * The classifier.
	 * @param reader the model its file names
	 * @param towards the reading that leans to the label
	 * @param labels its labels, NONE first
	 * @param label the one it leans to
	 * @param settings its settings (no word buckets)
	 */
	public static SentenceClassifier of(SentenceModel.Reader reader, float[] towards, List<String> labels, String label,
			Map<String, Double> settings) {
		float[][] weights = new float[labels.size()][reader.dimensions()];
		float[] bias = new float[labels.size()];
		// NONE unless the reading points the way of the given one: with a reading of unit
		// length, the label's score is 10 times how far it does.
		bias[0] = 5;
		int leans = labels.indexOf(label);
		for (int k = 0; k < towards.length; k++) {
			weights[leans][k] = 10 * towards[k];
		}
		return new SentenceClassifier(reader, labels, List.of(new SentenceClassifier.Layer(weights, bias, true)),
				settings);
	}

}
