package app.steadfast.shared;

import java.util.Base64;

/**
 * The labelled training sentences a classifier also asks, by their readings: a new
 * sentence's nearest ones (by the angle between readings) vote for their labels, each the
 * more the nearer it is. The classifier's layers learn what the training rows have in
 * common; the nearest examples remember each row as written, so a sentence much like one
 * the team labelled is read as that one was. Measured writer by writer, the two together
 * catch more than the layers alone (docs/risk-language.md, "Nearest examples").
 * <p>
 * Each reading is kept as 384 small whole numbers (from -127 to 127) pointing the way the
 * reading points: the angle is all a vote uses, so a length is not kept. In the weights
 * file, one line per example: {@code LABEL BASE64}.
 */
public final class NearestExamples {

	private final int dimensions;

	// codes[i * dimensions + d]: example i's reading, scaled so that its largest number
	// is 127.
	private final byte[] codes;

	// 1 / the length of example i's codes, so that a dot product with a reading of unit
	// length is the cosine.
	private final float[] inverseLengths;

	private final int[] labels;

	private NearestExamples(int dimensions, byte[] codes, int[] labels) {
		this.dimensions = dimensions;
		this.codes = codes;
		this.labels = labels;
		this.inverseLengths = new float[labels.length];
		for (int i = 0; i < labels.length; i++) {
			long sum = 0;
			for (int d = 0; d < dimensions; d++) {
				int c = codes[i * dimensions + d];
				sum += (long) c * c;
			}
			this.inverseLengths[i] = (sum == 0) ? 0 : (float) (1 / Math.sqrt(sum));
		}
	}

	/** The examples of these readings, with the index of each one's label. */
	public static NearestExamples of(float[][] readings, int[] labels) {
		if (readings.length != labels.length || readings.length == 0) {
			throw new IllegalArgumentException("One label for each of at least one reading");
		}
		int dimensions = readings[0].length;
		byte[] codes = new byte[readings.length * dimensions];
		for (int i = 0; i < readings.length; i++) {
			float largest = 0;
			for (float v : readings[i]) {
				largest = Math.max(largest, Math.abs(v));
			}
			for (int d = 0; d < dimensions; d++) {
				codes[i * dimensions + d] = (largest == 0) ? 0 : (byte) Math.round(readings[i][d] / largest * 127);
			}
		}
		return new NearestExamples(dimensions, codes, labels.clone());
	}

	/** How many examples there are. */
	public int size() {
		return this.labels.length;
	}

	/** How many numbers each example's reading has. */
	public int dimensions() {
		return this.dimensions;
	}

	/**
	 * The vote of the k examples nearest this reading: for each label, its share of the
	 * votes, each example's vote growing with its cosine to the reading by
	 * {@code exp(cosine / temperature)}. The shares add up to 1.
	 */
	public float[] vote(float[] reading, int labelCount, int k, double temperature) {
		if (reading.length != this.dimensions) {
			throw new IllegalArgumentException("A reading of " + reading.length + " numbers, not " + this.dimensions);
		}
		double length = 0;
		for (float v : reading) {
			length += v * v;
		}
		float[] unit = new float[this.dimensions];
		if (length > 0) {
			float inverse = (float) (1 / Math.sqrt(length));
			for (int d = 0; d < this.dimensions; d++) {
				unit[d] = reading[d] * inverse;
			}
		}
		int keep = Math.min(k, this.labels.length);
		int[] best = new int[keep];
		float[] near = new float[keep];
		java.util.Arrays.fill(near, Float.NEGATIVE_INFINITY);
		int d4 = this.dimensions - this.dimensions % 4;
		for (int i = 0; i < this.labels.length; i++) {
			int at = i * this.dimensions;
			// Four sums at once: the processor works on them side by side.
			float s0 = 0;
			float s1 = 0;
			float s2 = 0;
			float s3 = 0;
			int d = 0;
			for (; d < d4; d += 4) {
				s0 += unit[d] * this.codes[at + d];
				s1 += unit[d + 1] * this.codes[at + d + 1];
				s2 += unit[d + 2] * this.codes[at + d + 2];
				s3 += unit[d + 3] * this.codes[at + d + 3];
			}
			for (; d < this.dimensions; d++) {
				s0 += unit[d] * this.codes[at + d];
			}
			float cosine = ((s0 + s1) + (s2 + s3)) * this.inverseLengths[i];
			if (cosine > near[keep - 1]) {
				int p = keep - 1;
				while (p > 0 && near[p - 1] < cosine) {
					near[p] = near[p - 1];
					best[p] = best[p - 1];
					p--;
				}
				near[p] = cosine;
				best[p] = i;
			}
		}
		double[] votes = new double[labelCount];
		double total = 0;
		for (int j = 0; j < keep; j++) {
			// Measured from the nearest, so that exp cannot overflow; the shares are the
			// same.
			double weight = Math.exp((near[j] - near[0]) / temperature);
			votes[this.labels[best[j]]] += weight;
			total += weight;
		}
		float[] shares = new float[labelCount];
		for (int c = 0; c < labelCount; c++) {
			shares[c] = (float) (votes[c] / total);
		}
		return shares;
	}

	/** Example i as a line of the weights file. */
	String line(int i) {
		return this.labels[i] + " " + Base64.getEncoder()
			.encodeToString(java.util.Arrays.copyOfRange(this.codes, i * this.dimensions, (i + 1) * this.dimensions));
	}

	/**
	 * The examples of these lines of a weights file.
	 * @throws IllegalArgumentException if a line is not a label and a reading of this
	 * size
	 */
	static NearestExamples parse(java.util.List<String> lines, int dimensions, int labelCount) {
		byte[] codes = new byte[lines.size() * dimensions];
		int[] labels = new int[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			String[] parts = lines.get(i).split(" ");
			labels[i] = Integer.parseInt(parts[0]);
			byte[] reading = Base64.getDecoder().decode(parts[1]);
			if (reading.length != dimensions || labels[i] < 0 || labels[i] >= labelCount) {
				throw new IllegalArgumentException(
						"example " + (i + 1) + " is not a label and " + dimensions + " numbers");
			}
			System.arraycopy(reading, 0, codes, i * dimensions, dimensions);
		}
		return new NearestExamples(dimensions, codes, labels);
	}

}
