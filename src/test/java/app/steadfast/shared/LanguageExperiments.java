package app.steadfast.shared;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares training settings by how the classifier does on a writer it has never read:
 * each training file is scored by classifiers trained on the other files, and the recall
 * at the threshold that flags the usual share of clean rows is printed, pooled and per
 * file (and each file's recall at its own threshold for that share, "own", which does not
 * move with the file's false positives). Never reads the evaluation files.
 * <p>
 * It reads with the sentence model the task's shipped classifier names, or the one named
 * as for {@link SentenceTraining#readerFor}. {@code -Dreaders=a,b} scores each row with
 * the probabilities averaged over classifiers trained on each named sentence model's
 * readings (an ensemble). Rows no model read before are read by it (its package must be
 * on the class path). A name given as {@code NAME:DIMENSIONS} stands for readings made
 * elsewhere and already in the readings cache (target/language-readings/NAME.bin), such
 * as {@link TokenPoolingReadings}'.
 * <p>
 * {@code -Dknn=K:W,K:W} also prints, for each pair, the classifier's probabilities
 * blended with the vote of each row's K nearest rows in the other files (cosine over the
 * first reader's readings, each weighing exp(cosine / 0.05)), the vote at weight W: as
 * {@link NearestExamples} does in the checks, but over the readings unrounded.
 */
public final class LanguageExperiments {

	private LanguageExperiments() {
	}

	public static void main(String[] args) throws Exception {
		String task = args[0];
		List<SentenceModel.Reader> readers = java.util.Arrays
			.stream(System.getProperty("readers", SentenceTraining.readerFor(task).name()).split(","))
			.map((name) -> name.contains(":")
					// Readings made elsewhere (TokenPoolingReadings): NAME:DIMENSIONS,
					// all in
					// the readings cache.
					? new SentenceModel.Reader(name.split(":")[0].strip(), name.split(":")[0].strip(),
							dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN, "",
							Integer.parseInt(name.split(":")[1].strip()))
					: SentenceModel.Reader.named(name.strip()))
			.toList();
		List<Path> sources = new ArrayList<>(SentenceTraining.trainingFiles(task));
		String extra = System.getProperty("extra", "");
		for (String e : extra.split(",")) {
			if (!e.isBlank()) {
				sources.add(Path.of(e));
			}
		}
		List<SentenceTraining.Row> rows = new ArrayList<>();
		List<Integer> fileOf = new ArrayList<>();
		for (int f = 0; f < sources.size(); f++) {
			List<SentenceTraining.Row> read = SentenceTraining.read(sources.get(f));
			rows.addAll(read);
			for (int i = 0; i < read.size(); i++) {
				fileOf.add(f);
			}
		}
		List<String> labels = SentenceTraining.labelsOf(rows);
		List<float[][]> reads = new ArrayList<>();
		for (SentenceModel.Reader reader : readers) {
			reads.add(SentenceTraining.readings(reader, rows));
		}
		int[] y = SentenceTraining.targets(labels, rows);
		int[] files = fileOf.stream().mapToInt(Integer::intValue).toArray();
		int ownership = labels.indexOf("OWNERSHIP");
		double allowance = task.equals("risk") ? 0.04 : 0.03;
		SentenceTraining.Settings d = SentenceTraining.Settings.DEFAULT;
		for (String variant : args[1].split(";")) {
			// hidden,grams,epochs,rate,decay,balance,seeds
			String[] v = variant.split(",");
			SentenceTraining.Settings settings = new SentenceTraining.Settings(Integer.parseInt(v[0]),
					Integer.parseInt(v[1]), Integer.parseInt(v[2]), Double.parseDouble(v[3]), Double.parseDouble(v[4]),
					Double.parseDouble(v[5]), d.seed());
			int seeds = Integer.parseInt(v[6]);
			boolean chars = v.length > 7 && v[7].equals("chars");
			long started = System.nanoTime();
			int n = rows.size();
			float[][] sum = new float[n][labels.size()];
			for (int r = 0; r < reads.size(); r++) {
				float[][] read = reads.get(r);
				SentenceClassifier.Input[] x = SentenceTraining.inputs(rows, read, settings.grams(), chars);
				for (int s = 0; s < seeds; s++) {
					SentenceTraining.Settings seeded = new SentenceTraining.Settings(settings.hidden(),
							settings.grams(), settings.epochs(), settings.rate(), settings.decay(), settings.balance(),
							settings.seed() + s);
					float[][] scores = outOfFileParallel(readers.get(r), labels, x, y, seeded, files, sources.size());
					for (int i = 0; i < n; i++) {
						for (int c = 0; c < labels.size(); c++) {
							sum[i][c] += scores[i][c] / (seeds * reads.size());
						}
					}
				}
			}
			report(task, readers, variant, sum, y, files, sources, labels, ownership, allowance, started);
			String knn = System.getProperty("knn", "");
			if (!knn.isBlank()) {
				// Nearest examples in the other files, blended with the classifier:
				// -Dknn=K:W,K:W (readings of the first reader).
				int most = java.util.Arrays.stream(knn.split(","))
					.mapToInt((kw) -> Integer.parseInt(kw.split(":")[0]))
					.max()
					.orElseThrow();
				int[][] near = nearestInOtherFiles(reads.get(0), files, most);
				for (String kw : knn.split(",")) {
					int k = Integer.parseInt(kw.split(":")[0]);
					double w = Double.parseDouble(kw.split(":")[1]);
					float[][] blended = new float[n][labels.size()];
					for (int i = 0; i < n; i++) {
						double[] vote = new double[labels.size()];
						double total = 0;
						for (int j = 0; j < k; j++) {
							int m = near[i][j];
							double weight = Math.exp(cosine(reads.get(0)[i], reads.get(0)[m]) / 0.05);
							vote[y[m]] += weight;
							total += weight;
						}
						for (int c = 0; c < labels.size(); c++) {
							blended[i][c] = (float) ((1 - w) * sum[i][c] + w * vote[c] / total);
						}
					}
					report(task, readers, variant + " knn " + kw, blended, y, files, sources, labels, ownership,
							allowance, started);
				}
			}
		}
		System.exit(0);
	}

	private static void report(String task, List<SentenceModel.Reader> readers, String variant, float[][] sum, int[] y,
			int[] files, List<Path> sources, List<String> labels, int ownership, double allowance, long started) {
		int n = y.length;
		double[] score = new double[n];
		List<Double> clean = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			score[i] = 1 - sum[i][0] - ((ownership < 0) ? 0 : sum[i][ownership]);
			if (y[i] == 0 || y[i] == ownership) {
				clean.add(score[i]);
			}
		}
		clean.sort(null);
		double threshold = clean.get((int) Math.ceil((1 - allowance) * clean.size()) - 1);
		StringBuilder out = new StringBuilder();
		int caught = 0;
		int flagged = 0;
		for (int f = 0; f < sources.size(); f++) {
			int fc = 0;
			int fn = 0;
			int rc = 0;
			int rn = 0;
			for (int i = 0; i < n; i++) {
				if (files[i] != f) {
					continue;
				}
				boolean hit = score[i] > threshold;
				if (y[i] == 0 || y[i] == ownership) {
					fn++;
					fc += hit ? 1 : 0;
				}
				else {
					rn++;
					rc += hit ? 1 : 0;
				}
			}
			caught += rc;
			flagged += rn;
			out.append(String.format(Locale.ROOT, " %s %.3f/%.3f (own %.3f)",
					sources.get(f).getFileName().toString().replace(task + "-training", "").replace(".tsv", ""),
					rc / (double) rn, fc / (double) fn,
					recallAtOwnThreshold(score, y, files, f, ownership, allowance)));
		}
		System.out.printf(Locale.ROOT, "%s %s [%s] recall %.3f at %.0f%% clean; per file recall/fp:%s (%d s)%n", task,
				readers.stream().map(SentenceModel.Reader::name).toList(), variant, caught / (double) flagged,
				allowance * 100, out, (System.nanoTime() - started) / 1_000_000_000L);
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int k = 0; k < a.length; k++) {
			dot += a[k] * b[k];
			na += a[k] * a[k];
			nb += b[k] * b[k];
		}
		return dot / Math.sqrt(na * nb);
	}

	/** For each row, its k nearest rows (by cosine) among the rows of the other files. */
	static int[][] nearestInOtherFiles(float[][] read, int[] files, int k) {
		int n = read.length;
		float[][] unit = new float[n][];
		for (int i = 0; i < n; i++) {
			double norm = 0;
			for (float v : read[i]) {
				norm += v * v;
			}
			unit[i] = new float[read[i].length];
			for (int d = 0; d < read[i].length; d++) {
				unit[i][d] = (float) (read[i][d] / Math.sqrt(norm));
			}
		}
		int[][] near = new int[n][];
		java.util.stream.IntStream.range(0, n).parallel().forEach((i) -> {
			int[] best = new int[k];
			float[] sims = new float[k];
			java.util.Arrays.fill(sims, -2);
			for (int j = 0; j < n; j++) {
				if (files[j] == files[i]) {
					continue;
				}
				float dot = 0;
				float[] a = unit[i];
				float[] b = unit[j];
				for (int d = 0; d < a.length; d++) {
					dot += a[d] * b[d];
				}
				if (dot > sims[k - 1]) {
					int p = k - 1;
					while (p > 0 && sims[p - 1] < dot) {
						sims[p] = sims[p - 1];
						best[p] = best[p - 1];
						p--;
					}
					sims[p] = dot;
					best[p] = j;
				}
			}
			near[i] = best;
		});
		return near;
	}

	/**
	 * A file's recall at its own threshold, the one that flags the same share of its own
	 * clean rows as the shared threshold does of all: unlike its recall at the shared
	 * threshold, it does not move when only its false positives do.
	 */
	static double recallAtOwnThreshold(double[] score, int[] y, int[] files, int file, int ownership,
			double allowance) {
		List<Double> clean = new ArrayList<>();
		int risky = 0;
		for (int i = 0; i < score.length; i++) {
			if (files[i] == file && (y[i] == 0 || y[i] == ownership)) {
				clean.add(score[i]);
			}
		}
		clean.sort(null);
		double threshold = clean.get((int) Math.ceil((1 - allowance) * clean.size()) - 1);
		int caught = 0;
		for (int i = 0; i < score.length; i++) {
			if (files[i] == file && !(y[i] == 0 || y[i] == ownership)) {
				risky++;
				caught += (score[i] > threshold) ? 1 : 0;
			}
		}
		return caught / (double) Math.max(1, risky);
	}

	static float[][] outOfFileParallel(SentenceModel.Reader reader, List<String> labels, SentenceClassifier.Input[] x,
			int[] y, SentenceTraining.Settings settings, int[] fileOf, int files) {
		float[][] scores = new float[x.length][];
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
			SentenceClassifier classifier = SentenceTraining.train(reader, labels, tx, ty, settings);
			for (int i = 0; i < x.length; i++) {
				if (fileOf[i] == file) {
					scores[i] = classifier.probabilities(x[i]);
				}
			}
		});
		return scores;
	}

}
