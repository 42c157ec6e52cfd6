package app.steadfast.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link SentenceClassifier} from labelled sentences: a small network over the
 * sentence model's readings, deterministic for a given file and seed. It is the training
 * command behind the weights that ship in src/main/resources/content/language; run it
 * with {@code scripts/language/train.sh} (docs/risk-language.md, "Rebuilding the
 * classifier").
 * <p>
 * A labelled file has one row per line, {@code LABEL<TAB>text} (LABEL may be {@code A,B}:
 * the first is trained on), and {@code #} comments.
 * <p>
 * Each task is trained on the readings of the sentence model its shipped classifier file
 * names (e5-small-v2 for both since December 2026), unless told otherwise:
 * {@code -Dsteadfast.language.reader.TASK=NAME} for one task,
 * {@code -Dsteadfast.language.reader=NAME} for every task of the run
 * ({@link #readerFor}).
 */
public final class SentenceTraining {

	/**
	 * One labelled row.
	 *
	 * @param labels the labels, the main one first
	 * @param text the sentence or two
	 */
	public record Row(List<String> labels, String text) {

		/** The main label. */
		public String label() {
			return this.labels.get(0);
		}

	}

	/**
	 * How to train.
	 *
	 * @param hidden width of the hidden layer; 0 for a linear model
	 * @param grams how many buckets of words and word pairs the first layer sees; 0 for
	 * the reading alone
	 * @param epochs passes over the rows
	 * @param rate Adam's step size
	 * @param decay L2 weight decay
	 * @param balance how far to even out label counts (0 none, 1 fully)
	 * @param seed for the initial weights and the order of rows
	 */
	public record Settings(int hidden, int grams, int epochs, double rate, double decay, double balance, long seed) {

		public static final Settings DEFAULT = new Settings(64, 4096, 40, 0.002, 0.0005, 0.5, 20261205L);

	}

	private SentenceTraining() {
	}

	/**
	 * Reads several labelled files, handing each file's rows to {@code each} (to print
	 * them, say), and gives all their rows.
	 */
	public static List<Row> readEach(List<Path> files, java.util.function.BiConsumer<Path, List<Row>> each)
			throws IOException {
		List<Row> all = new ArrayList<>();
		for (Path file : files) {
			List<Row> rows = read(file);
			each.accept(file, rows);
			all.addAll(rows);
		}
		return all;
	}

	/** Reads a labelled file. */
	public static List<Row> read(Path file) throws IOException {
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			if (tab < 1) {
				throw new IllegalStateException(file + ":" + number + ": expected LABEL<TAB>text");
			}
			List<String> labels = Arrays.stream(line.substring(0, tab).split(",")).map(String::strip).toList();
			rows.add(new Row(labels, line.substring(tab + 1).strip()));
		}
		return rows;
	}

	/**
	 * The sentence model a task is trained with: the one named by
	 * {@code -Dsteadfast.language.reader.TASK}, else by
	 * {@code -Dsteadfast.language.reader}, else the one its shipped classifier file
	 * (src/main/resources/content/language/TASK-model.txt) names.
	 * @throws IllegalArgumentException if the name is unknown
	 * @throws IllegalStateException if none is named and no file ships for the task
	 */
	public static SentenceModel.Reader readerFor(String task) throws IOException {
		String named = System.getProperty("steadfast.language.reader." + task,
				System.getProperty("steadfast.language.reader"));
		if (named != null) {
			return SentenceModel.Reader.named(named.strip());
		}
		Path shipped = Path.of("src/main/resources/content/language", task + "-model.txt");
		if (!Files.exists(shipped)) {
			throw new IllegalStateException(
					"No classifier ships for " + task + ": name its sentence model with -Dsteadfast.language.reader."
							+ task + "=NAME (known: " + new java.util.TreeSet<>(SentenceModel.READERS.keySet()) + ")");
		}
		try (var lines = Files.lines(shipped, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.startsWith("reader "))
				.findFirst()
				.map((line) -> SentenceModel.Reader.named(line.split("\\s+")[1]))
				.orElseThrow(() -> new IllegalStateException(shipped + " has no reader line"));
		}
	}

	/**
	 * The readings of the rows' normalised texts by a sentence model, in order: those it
	 * has read before from target/language-readings, the others by the model itself,
	 * loaded for them (its package must be on the class path).
	 */
	public static float[][] readings(SentenceModel.Reader reader, List<Row> rows) throws IOException {
		List<String> texts = rows.stream().map((r) -> Sentences.normalise(r.text())).toList();
		// Reading thousands of rows takes minutes: each reading is kept under target/, in
		// one file per model, by the digest of its text, for the next run.
		Path cache = Path.of("target/language-readings", reader.name() + ".bin");
		int d = reader.dimensions();
		Map<SentenceModel.Digest, float[]> known = new java.util.HashMap<>();
		if (Files.exists(cache)) {
			java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Files.readAllBytes(cache));
			while (bytes.remaining() >= 16 + d * 4) {
				SentenceModel.Digest digest = new SentenceModel.Digest(bytes.getLong(), bytes.getLong());
				float[] reading = new float[d];
				bytes.asFloatBuffer().get(reading);
				bytes.position(bytes.position() + d * 4);
				known.put(digest, reading);
			}
		}
		List<String> missing = texts.stream()
			.filter((t) -> !known.containsKey(SentenceModel.Digest.of(t)))
			.distinct()
			.toList();
		if (!missing.isEmpty()) {
			SentenceModel model = SentenceModel.loaded(reader, Duration.ofMinutes(2));
			List<float[]> read = model.embed(reader, missing).orElseThrow();
			java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(missing.size() * (16 + d * 4));
			for (int i = 0; i < missing.size(); i++) {
				SentenceModel.Digest digest = SentenceModel.Digest.of(missing.get(i));
				known.put(digest, read.get(i));
				bytes.putLong(digest.high()).putLong(digest.low());
				bytes.asFloatBuffer().put(read.get(i));
				bytes.position(bytes.position() + d * 4);
			}
			Files.createDirectories(cache.getParent());
			Files.write(cache, bytes.array(), java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
		return texts.stream().map((t) -> known.get(SentenceModel.Digest.of(t))).toArray(float[][]::new);
	}

	/** The classifier inputs of the rows, from their readings. */
	public static SentenceClassifier.Input[] inputs(List<Row> rows, float[][] readings, int grams) {
		return inputs(rows, readings, grams, false);
	}

	/** The classifier inputs of the rows, with or without their words' pieces. */
	public static SentenceClassifier.Input[] inputs(List<Row> rows, float[][] readings, int grams, boolean chars) {
		SentenceClassifier.Input[] inputs = new SentenceClassifier.Input[rows.size()];
		for (int i = 0; i < inputs.length; i++) {
			inputs[i] = SentenceClassifier.input(readings[i], Sentences.normalise(rows.get(i).text()), grams, chars);
		}
		return inputs;
	}

	/** Trains on these inputs (over this sentence model's readings) and labels. */
	public static SentenceClassifier train(SentenceModel.Reader reader, List<String> labels,
			SentenceClassifier.Input[] x, int[] y, Settings settings) {
		int n = x.length;
		int dense = reader.dimensions();
		int d = dense + settings.grams();
		int k = labels.size();
		Random random = new Random(settings.seed());
		int[] counts = new int[k];
		for (int label : y) {
			counts[label]++;
		}
		double[] weight = new double[k];
		for (int c = 0; c < k; c++) {
			double even = (counts[c] == 0) ? 0 : n / (double) (k * counts[c]);
			weight[c] = Math.pow(even, settings.balance());
		}
		boolean deep = settings.hidden() > 0;
		int h = deep ? settings.hidden() : k;
		// The first layer reads the input (dense reading and sparse word buckets); when
		// deep, a second maps the hidden layer to the labels.
		Param w1 = Param.random(h, d, Math.sqrt(2.0 / (dense + 20)), random);
		Param w2 = deep ? Param.random(k, h, Math.sqrt(1.0 / h), random) : null;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		int batch = 32;
		int step = 0;
		double[] first = new double[h];
		double[] logits = new double[k];
		double[] dLogits = new double[k];
		double[] dFirst = new double[h];
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			shuffle(order, random);
			for (int from = 0; from < n; from += batch) {
				int to = Math.min(n, from + batch);
				w1.zeroGrad();
				if (deep) {
					w2.zeroGrad();
				}
				for (int b = from; b < to; b++) {
					SentenceClassifier.Input xi = x[order[b]];
					int yi = y[order[b]];
					for (int j = 0; j < h; j++) {
						double sum = w1.bias[j];
						double[] row = w1.w[j];
						float[] reading = xi.reading();
						for (int q = 0; q < dense; q++) {
							sum += row[q] * reading[q];
						}
						for (int gram : xi.grams()) {
							sum += row[dense + gram] * xi.gramValue();
						}
						first[j] = deep ? Math.max(0, sum) : sum;
					}
					if (deep) {
						for (int c = 0; c < k; c++) {
							double sum = w2.bias[c];
							double[] row = w2.w[c];
							for (int j = 0; j < h; j++) {
								sum += row[j] * first[j];
							}
							logits[c] = sum;
						}
					}
					else {
						System.arraycopy(first, 0, logits, 0, k);
					}
					double max = Double.NEGATIVE_INFINITY;
					for (int c = 0; c < k; c++) {
						max = Math.max(max, logits[c]);
					}
					double total = 0;
					for (int c = 0; c < k; c++) {
						logits[c] = Math.exp(logits[c] - max);
						total += logits[c];
					}
					for (int c = 0; c < k; c++) {
						dLogits[c] = weight[yi] * (logits[c] / total - ((c == yi) ? 1 : 0));
					}
					if (deep) {
						Arrays.fill(dFirst, 0);
						for (int c = 0; c < k; c++) {
							double g = dLogits[c];
							double[] grad = w2.g[c];
							double[] row = w2.w[c];
							for (int j = 0; j < h; j++) {
								grad[j] += g * first[j];
								dFirst[j] += g * row[j];
							}
							w2.gb[c] += g;
						}
						for (int j = 0; j < h; j++) {
							if (first[j] <= 0) {
								dFirst[j] = 0;
							}
						}
					}
					else {
						System.arraycopy(dLogits, 0, dFirst, 0, k);
					}
					for (int j = 0; j < h; j++) {
						double g = dFirst[j];
						if (g == 0) {
							continue;
						}
						double[] grad = w1.g[j];
						float[] reading = xi.reading();
						for (int q = 0; q < dense; q++) {
							grad[q] += g * reading[q];
						}
						for (int gram : xi.grams()) {
							grad[dense + gram] += g * xi.gramValue();
						}
						w1.gb[j] += g;
					}
				}
				step++;
				double scale = 1.0 / (to - from);
				w1.adam(step, settings.rate(), settings.decay(), scale);
				if (deep) {
					w2.adam(step, settings.rate(), settings.decay(), scale);
				}
			}
		}
		List<SentenceClassifier.Layer> layers = new ArrayList<>();
		layers.add(new SentenceClassifier.Layer(w1.weights(), w1.biases(), !deep));
		if (deep) {
			layers.add(new SentenceClassifier.Layer(w2.weights(), w2.biases(), true));
		}
		return new SentenceClassifier(reader, labels, layers, Map.of("grams", (double) settings.grams()));
	}

	/** The labels of these rows: NONE first, then the others in order of first use. */
	public static List<String> labelsOf(List<Row> rows) {
		Map<String, Boolean> labels = new LinkedHashMap<>();
		labels.put("NONE", true);
		rows.forEach((r) -> labels.put(r.label(), true));
		return List.copyOf(labels.keySet());
	}

	/**
	 * Out-of-fold probabilities: each row scored by a classifier trained on the other
	 * folds, so thresholds can be chosen on rows the classifier has not seen.
	 */
	public static float[][] outOfFold(SentenceModel.Reader reader, List<String> labels, SentenceClassifier.Input[] x,
			int[] y, Settings settings, int folds) {
		float[][] scores = new float[x.length][];
		// The folds train apart from each other (each from the same seed), so they run at
		// once and give the same figures as one after another.
		java.util.stream.IntStream.range(0, folds).parallel().forEach((fold) -> {
			List<Integer> trainIdx = new ArrayList<>();
			List<Integer> testIdx = new ArrayList<>();
			for (int i = 0; i < x.length; i++) {
				((i % folds == fold) ? testIdx : trainIdx).add(i);
			}
			SentenceClassifier.Input[] tx = new SentenceClassifier.Input[trainIdx.size()];
			int[] ty = new int[trainIdx.size()];
			for (int i = 0; i < trainIdx.size(); i++) {
				tx[i] = x[trainIdx.get(i)];
				ty[i] = y[trainIdx.get(i)];
			}
			SentenceClassifier classifier = train(reader, labels, tx, ty, settings);
			for (int i : testIdx) {
				scores[i] = classifier.probabilities(x[i]);
			}
		});
		return scores;
	}

	/**
	 * The training files of a task: src/test/resources/language/{task}-training*.tsv, in
	 * name order (never the evaluation file).
	 */
	public static List<Path> trainingFiles(String task) throws IOException {
		try (var files = Files.list(Path.of("src/test/resources/language"))) {
			return files.filter((f) -> {
				String name = f.getFileName().toString();
				return name.startsWith(task + "-training") && name.endsWith(".tsv");
			}).sorted().toList();
		}
	}

	/**
	 * How many nearest training rows a task's classifier asks, and the weight of their
	 * vote beside the layers' (NearestExamples), chosen writer by writer
	 * (LanguageExperiments -Dknn, 8 December 2026; docs/risk-language.md, "Nearest
	 * examples"): the risk classifier asks 10 at 0.5; the excuse classifier none, as they
	 * raised its false warnings (docs/excuse-check.md). {@code -Dnearest=K:W} gives
	 * others, {@code -Dnearest=none} none.
	 */
	static final Map<String, String> NEAREST_CHOSEN = Map.of("risk", "10:0.5");

	/** The temperature of the nearest rows' vote, fixed before it was measured. */
	static final double NEAREST_TEMPERATURE = 0.05;

	/** The nearest rows' k and weight for a task, or null for none. */
	static double[] nearest(String task) {
		String chosen = System.getProperty("nearest", NEAREST_CHOSEN.getOrDefault(task, "none"));
		if (chosen.equals("none")) {
			return null;
		}
		return new double[] { Integer.parseInt(chosen.split(":")[0]), Double.parseDouble(chosen.split(":")[1]) };
	}

	/** The same classifier, asking these rows as its nearest examples, if any. */
	static SentenceClassifier withNearest(SentenceClassifier classifier, double[] nearest, SentenceClassifier.Input[] x,
			int[] y) {
		if (nearest == null) {
			return classifier;
		}
		float[][] readings = new float[x.length][];
		for (int i = 0; i < x.length; i++) {
			readings[i] = x[i].reading();
		}
		return classifier.withNearest(NearestExamples.of(readings, y), (int) nearest[0], nearest[1],
				NEAREST_TEMPERATURE);
	}

	/** Scores of each row by a classifier trained on the rows of the other files. */
	static float[][] outOfFile(SentenceModel.Reader reader, List<String> labels, SentenceClassifier.Input[] x, int[] y,
			Settings settings, int[] fileOf) {
		return outOfFile(reader, labels, x, y, settings, fileOf, null)[0];
	}

	/**
	 * Scores of each row by a classifier trained on the rows of the other files: by its
	 * layers alone, and blended with the vote of its nearest rows among the other files
	 * (the same as the first without them). The files train at once (each from the same
	 * seed), with the same figures as one after another.
	 */
	static float[][][] outOfFile(SentenceModel.Reader reader, List<String> labels, SentenceClassifier.Input[] x,
			int[] y, Settings settings, int[] fileOf, double[] nearest) {
		float[][] layered = new float[x.length][];
		float[][] blended = new float[x.length][];
		int files = java.util.Arrays.stream(fileOf).max().orElse(0) + 1;
		java.util.stream.IntStream.range(0, files).parallel().forEach((file) -> {
			List<Integer> trainIdx = new ArrayList<>();
			for (int i = 0; i < x.length; i++) {
				if (fileOf[i] != file) {
					trainIdx.add(i);
				}
			}
			SentenceClassifier.Input[] tx = new SentenceClassifier.Input[trainIdx.size()];
			int[] ty = new int[trainIdx.size()];
			for (int i = 0; i < trainIdx.size(); i++) {
				tx[i] = x[trainIdx.get(i)];
				ty[i] = y[trainIdx.get(i)];
			}
			SentenceClassifier classifier = withNearest(train(reader, labels, tx, ty, settings), nearest, tx, ty);
			for (int i = 0; i < x.length; i++) {
				if (fileOf[i] == file) {
					layered[i] = classifier.probabilities(x[i]);
					blended[i] = classifier.blended(x[i]);
				}
			}
		});
		return new float[][][] { layered, blended };
	}

	/**
	 * Every k-th row of the training files of a task, about this many in all: the
	 * evaluation tests print the training figures on a sample, for comparison, to keep
	 * the build short.
	 */
	public static List<Row> trainingSample(String task, int about) throws IOException {
		List<Row> rows = new ArrayList<>();
		for (Path file : trainingFiles(task)) {
			rows.addAll(read(file));
		}
		int every = Math.max(1, rows.size() / Math.max(1, about));
		List<Row> sample = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += every) {
			sample.add(rows.get(i));
		}
		return sample;
	}

	/** The label indexes of the rows' main labels. */
	public static int[] targets(List<String> labels, List<Row> rows) {
		return rows.stream().mapToInt((r) -> {
			int index = labels.indexOf(r.label());
			if (index < 0) {
				throw new IllegalStateException("Unknown label " + r.label());
			}
			return index;
		}).toArray();
	}

	/**
	 * Trains the shipped classifiers: {@code risk} and {@code excuse} from
	 * src/test/resources/language/*-training.tsv into
	 * src/main/resources/content/language/*-model.txt. Prints out-of-fold figures.
	 */
	public static void main(String[] args) throws IOException {
		List<String> tasks = (args.length == 0) ? List.of("risk", "excuse") : List.of(args);
		for (String task : tasks) {
			SentenceModel.Reader reader = readerFor(task);
			// -Dout=DIR writes the weights there instead, for trying settings side by
			// side.
			Path target = Path.of(System.getProperty("out", "src/main/resources/content/language"),
					task + "-model.txt");
			// -Dfiles=a.tsv,b.tsv trains on those training files only.
			List<String> only = List.of(System.getProperty("files", "").split(","));
			List<Path> sources = trainingFiles(task).stream()
				.filter((f) -> System.getProperty("files") == null || only.contains(f.getFileName().toString()))
				.toList();
			List<Row> rows = new ArrayList<>();
			List<Integer> fileOf = new ArrayList<>();
			for (Path source : sources) {
				List<Row> read = read(source);
				rows.addAll(read);
				read.forEach((r) -> fileOf.add(sources.indexOf(source)));
			}
			List<String> labels = labelsOf(rows);
			Settings d = Settings.DEFAULT;
			// -Dhidden=, -Dgrams=, -Depochs=, -Drate=, -Ddecay=, -Dbalance= try other
			// settings.
			Settings settings = new Settings(Integer.getInteger("hidden", d.hidden()),
					Integer.getInteger("grams", d.grams()), Integer.getInteger("epochs", d.epochs()),
					Double.parseDouble(System.getProperty("rate", "" + d.rate())),
					Double.parseDouble(System.getProperty("decay", "" + d.decay())),
					Double.parseDouble(System.getProperty("balance", "" + d.balance())), d.seed());
			float[][] read = readings(reader, rows);
			if (Boolean.getBoolean("readOnly")) {
				System.out.println(task + ": " + rows.size() + " rows read by " + reader.name());
				continue;
			}
			// -Dchars=true: the first layer also sees the words' pieces.
			boolean chars = Boolean.getBoolean("chars");
			SentenceClassifier.Input[] x = inputs(rows, read, settings.grams(), chars);
			int[] y = targets(labels, rows);
			float[][] oof = outOfFold(reader, labels, x, y, settings, 5);
			System.out.println(task + ": " + rows.size() + " rows from " + sources + ", read by " + reader.name()
					+ "; out-of-fold, model alone:");
			report(labels, y, oof);
			// The thresholds are chosen on scores of rows the classifier has not learned
			// from. With three writers' files or more, each file is scored by a
			// classifier trained on the other files: a writer it has never read, as
			// everyone who uses the app is. Random folds share each writer's voice
			// between training and scoring, so clean rows look easier than a new
			// writer's are and the thresholds come out too low (-Dcalibrate=fold keeps
			// them).
			boolean byWriter = sources.size() > 2 && !"fold".equals(System.getProperty("calibrate"));
			double[] nearest = nearest(task);
			float[][] calibration = oof;
			float[][] layeredCalibration = oof;
			if (sources.size() > 1 && (byWriter || Boolean.getBoolean("byWriter"))) {
				float[][][] apart = outOfFile(reader, labels, x, y, settings,
						fileOf.stream().mapToInt(Integer::intValue).toArray(), nearest);
				System.out
					.println(task + ": each file scored by a classifier trained on the other files, layers alone:");
				report(labels, y, apart[0]);
				if (nearest != null) {
					System.out.println(task + ": the same, with the vote of the " + (int) nearest[0]
							+ " nearest rows of the other files at weight " + nearest[1] + ":");
					report(labels, y, apart[1]);
				}
				if (byWriter) {
					calibration = apart[1];
					layeredCalibration = apart[0];
				}
			}
			System.out.println(task + ": thresholds chosen on "
					+ (byWriter ? "each file scored by a classifier trained on the other files" : "random folds"));
			// Whether each threshold holds its share of clean rows on every writer's file
			// or on all files pooled: see eachWriter.
			int[] files = byWriter ? fileOf.stream().mapToInt(Integer::intValue).toArray() : null;
			Map<String, Double> chosen = thresholds(task, labels, y, calibration,
					rows.stream().map(Row::labels).toList(), files);
			if (nearest != null && calibration != layeredCalibration && !task.equals("risk")) {
				// The bar under which a rule's warning is set aside reads the layers
				// alone
				// (ExcuseCheck), so it is chosen on their scores.
				System.out.println(task + ": the bar for setting a rule's warning aside, on the layers alone:");
				chosen.put("set-aside-rules-below",
						thresholds(task, labels, y, layeredCalibration, rows.stream().map(Row::labels).toList(), files)
							.get("set-aside-rules-below"));
			}
			if (task.equals("risk") && nearest != null && byWriter) {
				// With the nearest training rows' vote, "possible" as chosen on
				// development
				// set W: the 4% one flagged more of its clean sentences than the
				// classifier
				// without them (docs/risk-language.md, "Nearest examples").
				double possible = Double
					.parseDouble(System.getProperty("riskPossible", "" + RISK_POSSIBLE_WITH_NEAREST_CHOSEN));
				System.out.println("  possible = " + possible
						+ " as chosen on development set W (for 4% of the clean rows: " + chosen.get("possible") + ")");
				chosen.put("possible", possible);
			}
			if (Boolean.getBoolean("dry")) {
				continue;
			}
			SentenceClassifier classifier = withNearest(train(reader, labels, x, y, settings), nearest, x, y);
			if (chars) {
				classifier = classifier.with("chars", 1);
			}
			for (Map.Entry<String, Double> threshold : chosen.entrySet()) {
				classifier = classifier.with(threshold.getKey(), threshold.getValue());
			}
			String comment = "The " + task + " classifier over sentence-model readings. Trained by SentenceTraining\n"
					+ "(scripts/language/train.sh) on readings of " + reader.name() + ", from "
					+ sources.stream().map((f) -> f.getFileName().toString()).toList() + ": " + rows.size() + " rows,\n"
					+ settings + (chars ? ", with the words' pieces" : "") + "; thresholds chosen on "
					+ (byWriter ? "each writer's file scored by a classifier trained on the others" : "random folds")
					+ (byWriter && eachWriter(task) ? ", each holding on every writer's file" : "")
					+ ((nearest == null) ? ""
							: ";\nit also asks its " + (int) nearest[0] + " nearest training rows, whose vote weighs "
									+ nearest[1] + " (temperature " + NEAREST_TEMPERATURE + ")")
					+ ". Do not edit by hand.";
			if (!Boolean.getBoolean("dry")) {
				Files.writeString(target, classifier.write(comment), StandardCharsets.UTF_8);
				System.out.println("Wrote " + target);
			}
		}
		System.exit(0);
	}

	/**
	 * The thresholds a checker uses, chosen on out-of-fold scores so that few clean rows
	 * are flagged: for risk, "possible" flags at most 4% of clean rows and "clear" at
	 * most 0.5%; for excuses, "warning" (on the share of all excuse labels together)
	 * flags at most 3% of clean and owning rows.
	 */
	/**
	 * The risk classifier's "set-aside-rules-below", chosen on development set P (7
	 * December 2026) rather than as the 2nd percentile of the risky rows' out-of-file
	 * scores (0.075), which set fewer of the rules' false alarms aside.
	 */
	static final double RISK_SET_ASIDE_CHOSEN = 0.3;

	/**
	 * The risk classifier's "possible-with-plan": the reading from which a sentence that
	 * words a plan (means, timing, a farewell) is a possible hit, chosen on the rows kept
	 * aside as T (7 December 2026): the lowest bar that raised T's false positives by at
	 * most 0.01.
	 */
	static final double RISK_POSSIBLE_WITH_PLAN_CHOSEN = 0.85;

	/**
	 * The risk classifier's "possible" when it asks its nearest training rows, chosen on
	 * development set W (8 December 2026) rather than as the reading that flags 4% of the
	 * clean rows of each writer scored by a classifier trained on the others (0.764): the
	 * lowest that flagged no more of W's clean sentences than the classifier without them
	 * did (docs/risk-language.md, "Nearest examples").
	 */
	static final double RISK_POSSIBLE_WITH_NEAREST_CHOSEN = 0.784;

	static Map<String, Double> thresholds(String task, List<String> labels, int[] y, float[][] oof) {
		return thresholds(task, labels, y, oof, null);
	}

	static Map<String, Double> thresholds(String task, List<String> labels, int[] y, float[][] oof,
			List<List<String>> rowLabels) {
		return thresholds(task, labels, y, oof, rowLabels, null);
	}

	/**
	 * Whether a task's thresholds hold their share of clean rows on every writer's file
	 * (the highest of the writers' thresholds) rather than on all rows pooled. The excuse
	 * check's do (December 2026): a warning on an honest sentence tells a man his honesty
	 * is an excuse, and the pooled threshold warned on up to 4.7% of one writer's clean
	 * rows where 3% was meant; on both evaluation sets it then warned less (0.086 to
	 * 0.067, 0.028 to 0.022) and still caught more than the practice's floor asks (0.904
	 * and 0.918). The risk check's do not: there a missed sentence is the greater harm,
	 * and its recall is below the floor. {@code -DeachWriter=true|false} overrides
	 * either.
	 */
	static boolean eachWriter(String task) {
		return Boolean.parseBoolean(System.getProperty("eachWriter", Boolean.toString(!task.equals("risk"))));
	}

	/**
	 * As above; with the writer (file) of each row, prints the share of each writer's
	 * clean rows flagged, and where {@link #eachWriter} says so chooses each threshold so
	 * that it holds its share on every writer's file rather than on all rows pooled,
	 * where an easy writer's clean rows can hide a hard one's.
	 */
	static Map<String, Double> thresholds(String task, List<String> labels, int[] y, float[][] oof,
			List<List<String>> rowLabels, int[] files) {
		Map<String, Double> chosen = new LinkedHashMap<>();
		Map<Integer, List<Double>> cleanByFile = new TreeMap<>();
		List<Double> clean = new ArrayList<>();
		List<Double> flagged = new ArrayList<>();
		int ownership = labels.indexOf("OWNERSHIP");
		for (int i = 0; i < y.length; i++) {
			double score;
			if (task.equals("risk")) {
				score = 1 - oof[i][0];
			}
			else {
				score = 1 - oof[i][0] - ((ownership < 0) ? 0 : oof[i][ownership]);
			}
			boolean isClean = y[i] == 0 || y[i] == ownership;
			(isClean ? clean : flagged).add(score);
			if (isClean && files != null) {
				cleanByFile.computeIfAbsent(files[i], (f) -> new ArrayList<>()).add(score);
			}
		}
		clean.sort(null);
		cleanByFile.values().forEach((scores) -> scores.sort(null));
		boolean eachWriter = files != null && eachWriter(task);
		java.util.function.DoubleFunction<Double> at = (q) -> eachWriter ? highestOfWriters(cleanByFile, q)
				: quantile(clean, q);
		if (task.equals("risk")) {
			// The practice allows 5% of clean notes a crisis panel they did not need; 4%
			// goes to the model, the rest to the rules.
			chosen.put("possible", at.apply(0.96));
			chosen.put("clear", at.apply(0.995));
		}
		else {
			chosen.put("warning", at.apply(0.97));
		}
		// Under this, the model's reading sets a rule's hit aside: at most 2% of the
		// flagged rows score lower out of fold.
		flagged.sort(null);
		double setAside = flagged.isEmpty() ? 0 : flagged.get((int) Math.floor(0.02 * flagged.size())) - 0.0005;
		chosen.put("set-aside-rules-below", Math.max(0, Math.min(0.5, Math.round(setAside * 1000) / 1000.0)));
		if (task.equals("risk") && files != null) {
			// For the risk classifier trained on every writer's file, the bar chosen on
			// development set P (RiskSetAsideExperiment; docs/risk-language.md): the
			// fewest false positives there with no risky row of it lost. A classifier
			// trained on other rows reads differently; choose it again then.
			chosen.put("set-aside-rules-below",
					Double.parseDouble(System.getProperty("riskSetAside", "" + RISK_SET_ASIDE_CHOSEN)));
			// And the threshold for a sentence that words a plan, chosen on the rows kept
			// aside as T (RiskPlanExperiment; docs/risk-language.md).
			chosen.put("possible-with-plan",
					Double.parseDouble(System.getProperty("riskWithPlan", "" + RISK_POSSIBLE_WITH_PLAN_CHOSEN)));
		}
		if (!task.equals("risk") && rowLabels != null) {
			// Among the excuse rows warned about, how many the top excuse label names
			// rightly (any of the row's labels).
			double warning = chosen.get("warning");
			int caught = 0;
			int right = 0;
			for (int i = 0; i < y.length; i++) {
				if (y[i] == 0 || y[i] == ownership) {
					continue;
				}
				double score = 1 - oof[i][0] - ((ownership < 0) ? 0 : oof[i][ownership]);
				if (score < warning) {
					continue;
				}
				caught++;
				int top = -1;
				for (int c = 1; c < labels.size(); c++) {
					if (c != ownership && (top < 0 || oof[i][c] > oof[i][top])) {
						top = c;
					}
				}
				if (rowLabels.get(i).contains(labels.get(top))) {
					right++;
				}
			}
			System.out.printf(Locale.ROOT, "  right category among the flagged rows caught: %.3f%n",
					right / (double) Math.max(1, caught));
		}
		chosen.forEach((name, value) -> {
			if (name.startsWith("set-aside")) {
				long below = clean.stream().filter((score) -> score < value).count();
				System.out.printf(Locale.ROOT, "  %s = %.3f: %.3f of the clean rows score below it out of fold%n", name,
						value, below / (double) Math.max(1, clean.size()));
				return;
			}
			long caught = flagged.stream().filter((score) -> score >= value).count();
			// "possible-with-plan" applies only to a sentence that words a plan, which
			// these
			// scores do not know: what it would catch if every sentence did.
			System.out.printf(Locale.ROOT, "  threshold %s = %.3f: catches %.3f of the flagged rows out of fold%s%n",
					name, value, caught / (double) Math.max(1, flagged.size()),
					name.equals("possible-with-plan") ? " (were every sentence to word a plan)" : "");
			cleanByFile.forEach((file, scores) -> System.out.printf(Locale.ROOT,
					"    flags %.3f of the clean rows of file %d (%d rows)%n",
					scores.stream().filter((score) -> score >= value).count() / (double) scores.size(), file,
					scores.size()));
		});
		if (files != null) {
			// Both ways of choosing, side by side, whichever was taken.
			for (double q : task.equals("risk") ? new double[] { 0.96, 0.995 } : new double[] { 0.97 }) {
				double[] ways = { quantile(clean, q), highestOfWriters(cleanByFile, q) };
				for (int way = 0; way < ways.length; way++) {
					double value = ways[way];
					double worst = cleanByFile.values()
						.stream()
						.mapToDouble((scores) -> scores.stream().filter((score) -> score >= value).count()
								/ (double) scores.size())
						.max()
						.orElse(0);
					System.out.printf(Locale.ROOT,
							"  threshold for %.3f of the clean rows, %s: %.3f; catches %.3f of the flagged rows, "
									+ "flags %.3f of the clean rows pooled and at most %.3f of one writer's%n",
							1 - q, (way == 0) ? "pooled" : "on every writer's file", value,
							flagged.stream().filter((score) -> score >= value).count()
									/ (double) Math.max(1, flagged.size()),
							clean.stream().filter((score) -> score >= value).count()
									/ (double) Math.max(1, clean.size()),
							worst);
				}
			}
		}
		return chosen;
	}

	// The threshold that holds on every writer's file: the highest of the writers' own.
	private static double highestOfWriters(Map<Integer, List<Double>> cleanByFile, double q) {
		return cleanByFile.values().stream().mapToDouble((scores) -> quantile(scores, q)).max().orElse(0.5);
	}

	private static double quantile(List<Double> sorted, double q) {
		if (sorted.isEmpty()) {
			return 0.5;
		}
		int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()));
		// Never below one half: a reading must at least lean towards the label.
		return Math.max(0.5, Math.round(sorted.get(index) * 1000 + 1) / 1000.0);
	}

	/** Prints recall per label and the share of NONE rows flagged, at the top label. */
	static void report(List<String> labels, int[] y, float[][] scores) {
		int k = labels.size();
		int[] total = new int[k];
		int[] right = new int[k];
		int flagged = 0;
		for (int i = 0; i < y.length; i++) {
			int top = 0;
			for (int c = 1; c < k; c++) {
				if (scores[i][c] > scores[i][top]) {
					top = c;
				}
			}
			total[y[i]]++;
			if (top == y[i]) {
				right[y[i]]++;
			}
			if (y[i] == 0 && top != 0) {
				flagged++;
			}
		}
		for (int c = 0; c < k; c++) {
			System.out.printf(Locale.ROOT, "  %-20s %4d rows, %.3f right%n", labels.get(c), total[c],
					(total[c] == 0) ? 0.0 : right[c] / (double) total[c]);
		}
		System.out.printf(Locale.ROOT, "  NONE flagged: %.3f%n", flagged / (double) Math.max(1, total[0]));
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
	}

	private static final class Param {

		final double[][] w;

		final double[] bias;

		final double[][] g;

		final double[] gb;

		final double[][] m;

		final double[][] v;

		final double[] mb;

		final double[] vb;

		Param(int out, int in) {
			this.w = new double[out][in];
			this.bias = new double[out];
			this.g = new double[out][in];
			this.gb = new double[out];
			this.m = new double[out][in];
			this.v = new double[out][in];
			this.mb = new double[out];
			this.vb = new double[out];
		}

		static Param random(int out, int in, double scale, Random random) {
			Param p = new Param(out, in);
			for (int o = 0; o < out; o++) {
				for (int i = 0; i < in; i++) {
					p.w[o][i] = random.nextGaussian() * scale;
				}
			}
			return p;
		}

		void zeroGrad() {
			for (double[] row : this.g) {
				Arrays.fill(row, 0);
			}
			Arrays.fill(this.gb, 0);
		}

		void adam(int step, double rate, double decay, double scale) {
			double b1 = 0.9;
			double b2 = 0.999;
			double c1 = 1 - Math.pow(b1, step);
			double c2 = 1 - Math.pow(b2, step);
			for (int o = 0; o < this.w.length; o++) {
				for (int i = 0; i < this.w[o].length; i++) {
					double grad = this.g[o][i] * scale + decay * this.w[o][i];
					this.m[o][i] = b1 * this.m[o][i] + (1 - b1) * grad;
					this.v[o][i] = b2 * this.v[o][i] + (1 - b2) * grad * grad;
					this.w[o][i] -= rate * (this.m[o][i] / c1) / (Math.sqrt(this.v[o][i] / c2) + 1e-8);
				}
				double grad = this.gb[o] * scale;
				this.mb[o] = b1 * this.mb[o] + (1 - b1) * grad;
				this.vb[o] = b2 * this.vb[o] + (1 - b2) * grad * grad;
				this.bias[o] -= rate * (this.mb[o] / c1) / (Math.sqrt(this.vb[o] / c2) + 1e-8);
			}
		}

		float[][] weights() {
			float[][] out = new float[this.w.length][];
			for (int o = 0; o < this.w.length; o++) {
				out[o] = new float[this.w[o].length];
				for (int i = 0; i < this.w[o].length; i++) {
					out[o][i] = (float) this.w[o][i];
				}
			}
			return out;
		}

		float[] biases() {
			float[] out = new float[this.bias.length];
			for (int o = 0; o < this.bias.length; o++) {
				out[o] = (float) this.bias[o];
			}
			return out;
		}

	}

}
