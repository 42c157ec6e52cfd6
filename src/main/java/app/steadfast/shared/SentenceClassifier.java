package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * A small trained classifier over sentence-model readings: one or more dense layers (ReLU
 * between, softmax at the end), read from a plain-text weights file that ships as a
 * resource and is rebuilt from labelled sentences by the documented training command
 * (docs/risk-language.md, "Rebuilding the classifier").
 * <p>
 * Besides the reading, the first layer may also see the sentence's words and word pairs,
 * hashed into a fixed number of buckets (setting {@code grams}; 0 or absent for none):
 * the model's reading carries meaning, the words carry the turns of phrase that tell an
 * excuse from an admission.
 * <p>
 * The file: {@code # comments}; {@code reader NAME DIMENSIONS} (the sentence model whose
 * readings it was trained on, and so the one its check reads with: a file that names a
 * model no one knows, or gives it another size, is refused, as its weights would mean
 * nothing); {@code labels A B C}; {@code setting NAME NUMBER} lines (the thresholds its
 * checker uses, chosen with it); then for each layer {@code layer IN OUT relu|softmax}
 * followed by OUT lines of IN weights and a bias; then, if it also asks the training rows
 * ({@link NearestExamples}), {@code examples COUNT} followed by COUNT lines, one per row,
 * with settings {@code nearest-k}, {@code nearest-weight} and
 * {@code nearest-temperature}.
 */
public final class SentenceClassifier {

	private final SentenceModel.Reader reader;

	private final List<String> labels;

	private final List<Layer> layers;

	private final Map<String, Double> settings;

	private final @Nullable NearestExamples nearest;

	/**
	 * One dense layer.
	 *
	 * @param weights OUT rows of IN weights
	 * @param bias OUT biases
	 * @param softmax whether it ends in softmax (else ReLU)
	 */
	public record Layer(float[][] weights, float[] bias, boolean softmax) {

		int in() {
			return this.weights[0].length;
		}

		int out() {
			return this.weights.length;
		}

	}

	/**
	 * A classifier of these layers over this sentence model's readings.
	 * @throws IllegalArgumentException if the layers do not chain from the sentence
	 * model's readings (and word buckets) to one output per label, or only the last is
	 * softmax
	 */
	public SentenceClassifier(SentenceModel.Reader reader, List<String> labels, List<Layer> layers,
			Map<String, Double> settings) {
		this(reader, labels, layers, settings, null);
	}

	/**
	 * A classifier of these layers that also asks these examples, if any
	 * ({@link #blended}).
	 * @throws IllegalArgumentException as above, or if the examples are of readings of
	 * another size, or there are examples without the settings that say how to ask them
	 */
	public SentenceClassifier(SentenceModel.Reader reader, List<String> labels, List<Layer> layers,
			Map<String, Double> settings, @Nullable NearestExamples nearest) {
		this.nearest = nearest;
		if (nearest != null && (nearest.dimensions() != reader.dimensions() || !settings.containsKey("nearest-k")
				|| !settings.containsKey("nearest-weight") || !settings.containsKey("nearest-temperature"))) {
			throw new IllegalArgumentException(
					"Examples need readings of the classifier's size and the settings nearest-k, nearest-weight and nearest-temperature");
		}
		this.reader = reader;
		this.labels = List.copyOf(labels);
		this.layers = List.copyOf(layers);
		this.settings = new TreeMap<>(settings);
		int width = reader.dimensions() + grams(settings);
		for (int i = 0; i < this.layers.size(); i++) {
			Layer layer = this.layers.get(i);
			if (layer.in() != width || layer.bias().length != layer.out()) {
				throw new IllegalArgumentException("Layer " + (i + 1) + " does not fit the one before it");
			}
			if (layer.softmax() != (i == this.layers.size() - 1)) {
				throw new IllegalArgumentException("Only the last layer ends in softmax");
			}
			width = layer.out();
		}
		if (width != this.labels.size()) {
			throw new IllegalArgumentException("The last layer has one output per label");
		}
	}

	// The weights files read so far, or being read, by resource: one copy per process.
	private static final Map<String, java.util.concurrent.CompletableFuture<SentenceClassifier>> shipped = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.util.concurrent.Executor fileReader = (task) -> {
		Thread thread = new Thread(task, "sentence-classifier-reader");
		thread.setDaemon(true);
		thread.start();
	};

	/**
	 * A classifier that may still be on its way: {@link #ready} says whether it can be
	 * used without waiting. Checks ask before each use and answer with their rules alone
	 * until it is.
	 */
	public interface Source extends java.util.function.Supplier<SentenceClassifier> {

		/** Whether {@link #get} answers at once. */
		boolean ready();

		/** A classifier already in hand. */
		static Source of(SentenceClassifier classifier) {
			return new Source() {
				@Override
				public boolean ready() {
					return true;
				}

				@Override
				public SentenceClassifier get() {
					return classifier;
				}
			};
		}

	}

	/**
	 * A weights file on the class path, read in the background the first time a check
	 * asks whether it is ready, and then kept for the life of the process. The files are
	 * megabytes of numbers (a second or two to read): reading them stays off the start-up
	 * path and off any person's request, and the test suite's many application contexts
	 * share one copy. A file that cannot be read is logged and never ready: the checks
	 * keep to their rules.
	 */
	public static Source lazily(String resource) {
		return new Source() {
			@Override
			public boolean ready() {
				java.util.concurrent.CompletableFuture<SentenceClassifier> loading = loading(resource);
				return loading.isDone() && !loading.isCompletedExceptionally();
			}

			@Override
			public SentenceClassifier get() {
				return loading(resource).join();
			}
		};
	}

	private static java.util.concurrent.CompletableFuture<SentenceClassifier> loading(String resource) {
		return shipped.computeIfAbsent(resource, (name) -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			try {
				SentenceClassifier classifier = read(name);
				org.slf4j.LoggerFactory.getLogger(SentenceClassifier.class)
					.info("Classifier {} read in {} ms", name, (System.nanoTime() - started) / 1_000_000);
				return classifier;
			}
			catch (RuntimeException ex) {
				org.slf4j.LoggerFactory.getLogger(SentenceClassifier.class)
					.error("Classifier {} could not be read; the rules answer alone", name, ex);
				throw ex;
			}
		}, fileReader));
	}

	public static SentenceClassifier read(String resource) {
		try {
			return parse(new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8), resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a weights file.
	 * @throws IllegalStateException naming the line when it is malformed
	 */
	public static SentenceClassifier parse(String source, String name) {
		SentenceModel.Reader reader = null;
		List<String> labels = null;
		List<Layer> layers = new ArrayList<>();
		Map<String, Double> settings = new TreeMap<>();
		NearestExamples nearest = null;
		List<String> lines = source.lines()
			.map(String::strip)
			.filter((l) -> !l.isEmpty() && !l.startsWith("#"))
			.toList();
		int i = 0;
		try {
			while (i < lines.size()) {
				String[] head = lines.get(i++).split("\\s+");
				if (head[0].equals("reader")) {
					reader = reader(head, name);
				}
				else if (head[0].equals("labels")) {
					labels = Arrays.asList(head).subList(1, head.length);
				}
				else if (head[0].equals("setting")) {
					settings.put(head[1], Double.parseDouble(head[2]));
				}
				else if (head[0].equals("layer")) {
					int in = Integer.parseInt(head[1]);
					int out = Integer.parseInt(head[2]);
					float[][] weights = new float[out][in];
					float[] bias = new float[out];
					for (int o = 0; o < out; o++) {
						String[] values = lines.get(i++).split("\\s+");
						if (values.length != in + 1) {
							throw new IllegalStateException(name + ": a row of layer " + (layers.size() + 1) + " has "
									+ values.length + " numbers, not " + (in + 1));
						}
						for (int k = 0; k < in; k++) {
							weights[o][k] = Float.parseFloat(values[k]);
						}
						bias[o] = Float.parseFloat(values[in]);
					}
					layers.add(new Layer(weights, bias, head[3].equals("softmax")));
				}
				else if (head[0].equals("examples") && reader != null && labels != null) {
					int count = Integer.parseInt(head[1]);
					nearest = NearestExamples.parse(lines.subList(i, i + count), reader.dimensions(), labels.size());
					i += count;
				}
				else {
					throw new IllegalStateException(name + ": unexpected line '" + head[0] + "'");
				}
			}
			if (labels == null) {
				throw new IllegalStateException(name + ": no labels line");
			}
			if (reader == null) {
				throw new IllegalStateException(name + ": no reader line, so which sentence model it reads is unknown");
			}
			return new SentenceClassifier(reader, labels, layers, settings, nearest);
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalStateException) {
				throw ex;
			}
			throw new IllegalStateException(name + ": malformed near data line " + i + ": " + ex.getMessage(), ex);
		}
	}

	// The sentence model a reader line names, if it is known and of the size given.
	private static SentenceModel.Reader reader(String[] head, String name) {
		SentenceModel.Reader reader = SentenceModel.READERS.get(head[1]);
		if (reader == null) {
			throw new IllegalStateException(name + ": trained on readings of " + head[1]
					+ ", a sentence model the application does not know (known: "
					+ new java.util.TreeSet<>(SentenceModel.READERS.keySet())
					+ "); train it again (scripts/language/train.sh)");
		}
		if (Integer.parseInt(head[2]) != reader.dimensions()) {
			throw new IllegalStateException(
					name + ": trained on readings of " + head[1] + " of " + head[2] + " numbers, but " + reader.name()
							+ " gives " + reader.dimensions() + "; train it again (scripts/language/train.sh)");
		}
		return reader;
	}

	/**
	 * The sentence model whose readings it was trained on: the one its check reads with.
	 */
	public SentenceModel.Reader reader() {
		return this.reader;
	}

	/** The labels, in the order of {@link #probabilities}. */
	public List<String> labels() {
		return this.labels;
	}

	/**
	 * A setting chosen with the classifier.
	 * @throws IllegalStateException if the file has no such setting
	 */
	public double setting(String name) {
		Double value = this.settings.get(name);
		if (value == null) {
			throw new IllegalStateException("The classifier has no setting '" + name + "'");
		}
		return value;
	}

	/** The settings chosen with the classifier, by name. */
	public Map<String, Double> settings() {
		return Map.copyOf(this.settings);
	}

	/** A copy with this setting. */
	public SentenceClassifier with(String name, double value) {
		Map<String, Double> changed = new TreeMap<>(this.settings);
		changed.put(name, value);
		return new SentenceClassifier(this.reader, this.labels, this.layers, changed, this.nearest);
	}

	/**
	 * A copy that also asks these examples: the k nearest vote, each by exp(cosine /
	 * temperature), and {@link #blended} gives their vote this weight beside the layers'
	 * probabilities.
	 */
	public SentenceClassifier withNearest(NearestExamples examples, int k, double weight, double temperature) {
		Map<String, Double> changed = new TreeMap<>(this.settings);
		changed.put("nearest-k", (double) k);
		changed.put("nearest-weight", weight);
		changed.put("nearest-temperature", temperature);
		return new SentenceClassifier(this.reader, this.labels, this.layers, changed, examples);
	}

	/** The examples it asks, if any. */
	public java.util.Optional<NearestExamples> nearest() {
		return java.util.Optional.ofNullable(this.nearest);
	}

	/** The layers, for the training command that writes them. */
	public List<Layer> layers() {
		return this.layers;
	}

	/**
	 * What the first layer sees of a sentence: its reading, and the buckets of its words
	 * and word pairs, each with the same weight so that together they have length 1.
	 *
	 * @param reading the sentence model's reading
	 * @param grams the buckets, without repeats
	 * @param gramValue the value of each bucket
	 */
	public record Input(float[] reading, int[] grams, float gramValue) {
	}

	private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[\\p{L}\\p{N}']+");

	/** How many word buckets a classifier with these settings sees. */
	public static int grams(Map<String, Double> settings) {
		return settings.getOrDefault("grams", 0.0).intValue();
	}

	/**
	 * Whether a classifier with these settings also sees the pieces of its words (setting
	 * {@code chars} 1): every run of four letters of each word, its edges marked, in the
	 * same buckets as the words. They let a misspelt or unfamiliar form of a word
	 * ("pils", "overdosed") fall where the words it shares its pieces with do.
	 */
	public static boolean chars(Map<String, Double> settings) {
		return settings.getOrDefault("chars", 0.0) > 0;
	}

	/**
	 * The input for a sentence: its reading, and, if this classifier sees words, the
	 * buckets of the words and word pairs of the normalised sentence (and of their
	 * pieces, if it sees those).
	 */
	public Input input(float[] reading, String normalised) {
		return input(reading, normalised, grams(this.settings), chars(this.settings));
	}

	/** {@link #input(float[], String)} for a given number of buckets. */
	public static Input input(float[] reading, String normalised, int buckets) {
		return input(reading, normalised, buckets, false);
	}

	/**
	 * {@link #input(float[], String)} for a given number of buckets, with or without the
	 * words' pieces.
	 */
	public static Input input(float[] reading, String normalised, int buckets, boolean chars) {
		if (buckets == 0) {
			return new Input(reading, new int[0], 0);
		}
		java.util.Set<Integer> seen = new java.util.LinkedHashSet<>();
		java.util.regex.Matcher matcher = WORDS.matcher(normalised);
		String previous = "<s>";
		while (matcher.find()) {
			String word = matcher.group();
			seen.add(bucket(word, buckets));
			seen.add(bucket(previous + " " + word, buckets));
			if (chars) {
				String marked = "<" + word + ">";
				for (int i = 0; i + 4 <= marked.length(); i++) {
					seen.add(bucket("#" + marked.substring(i, i + 4), buckets));
				}
			}
			previous = word;
		}
		seen.add(bucket(previous + " </s>", buckets));
		int[] grams = seen.stream().mapToInt(Integer::intValue).toArray();
		return new Input(reading, grams, (float) (1 / Math.sqrt(grams.length)));
	}

	// FNV-1a: fixed across runs and machines, unlike String.hashCode's spec-free future.
	private static int bucket(String gram, int buckets) {
		int hash = 0x811c9dc5;
		for (int i = 0; i < gram.length(); i++) {
			hash = (hash ^ gram.charAt(i)) * 0x01000193;
		}
		return Math.floorMod(hash, buckets);
	}

	/**
	 * How likely each label is for this reading (without words); the figures add up to 1.
	 */
	public float[] probabilities(float[] reading) {
		return probabilities(new Input(reading, new int[0], 0));
	}

	/**
	 * How likely each label is for this input, by the layers and, if it has examples,
	 * their vote too: {@code (1 - w) * layers + w * vote}. What its thresholds
	 * ("possible", "clear", "warning") are chosen on; the figures add up to 1.
	 */
	public float[] blended(Input input) {
		float[] layered = probabilities(input);
		if (this.nearest == null) {
			return layered;
		}
		double weight = this.settings.get("nearest-weight");
		float[] vote = this.nearest.vote(input.reading(), this.labels.size(), this.settings.get("nearest-k").intValue(),
				this.settings.get("nearest-temperature"));
		float[] blend = new float[layered.length];
		for (int c = 0; c < blend.length; c++) {
			blend[c] = (float) ((1 - weight) * layered[c] + weight * vote[c]);
		}
		return blend;
	}

	/**
	 * How likely each label is for this input by the layers alone; the figures add up to
	 * 1.
	 */
	public float[] probabilities(Input input) {
		float[] values = null;
		for (Layer layer : this.layers) {
			float[] next = new float[layer.out()];
			for (int o = 0; o < next.length; o++) {
				float[] row = layer.weights()[o];
				float sum = layer.bias()[o];
				if (values == null) {
					float[] reading = input.reading();
					for (int k = 0; k < reading.length; k++) {
						sum += row[k] * reading[k];
					}
					for (int gram : input.grams()) {
						sum += row[reading.length + gram] * input.gramValue();
					}
				}
				else {
					for (int k = 0; k < row.length; k++) {
						sum += row[k] * values[k];
					}
				}
				next[o] = layer.softmax() ? sum : Math.max(0, sum);
			}
			values = next;
		}
		float max = Float.NEGATIVE_INFINITY;
		for (float v : values) {
			max = Math.max(max, v);
		}
		float total = 0;
		for (int o = 0; o < values.length; o++) {
			values[o] = (float) Math.exp(values[o] - max);
			total += values[o];
		}
		for (int o = 0; o < values.length; o++) {
			values[o] /= total;
		}
		return values;
	}

	/** Writes the classifier in the format {@link #parse} reads. */
	public String write(String comment) {
		StringBuilder out = new StringBuilder();
		comment.lines().forEach((line) -> out.append("# ").append(line).append('\n'));
		out.append("reader ").append(this.reader.name()).append(' ').append(this.reader.dimensions()).append('\n');
		out.append("labels ").append(String.join(" ", this.labels)).append('\n');
		this.settings
			.forEach((name, value) -> out.append("setting ").append(name).append(' ').append(value).append('\n'));
		for (Layer layer : this.layers) {
			out.append("layer ")
				.append(layer.in())
				.append(' ')
				.append(layer.out())
				.append(' ')
				.append(layer.softmax() ? "softmax" : "relu")
				.append('\n');
			for (int o = 0; o < layer.out(); o++) {
				for (int k = 0; k < layer.in(); k++) {
					out.append(number(layer.weights()[o][k])).append(' ');
				}
				out.append(number(layer.bias()[o])).append('\n');
			}
		}
		if (this.nearest != null) {
			out.append("examples ").append(this.nearest.size()).append('\n');
			for (int i = 0; i < this.nearest.size(); i++) {
				out.append(this.nearest.line(i)).append('\n');
			}
		}
		return out.toString();
	}

	private static String number(float value) {
		String text = String.format(java.util.Locale.ROOT, "%.5g", value);
		return text.contains("e") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

}
