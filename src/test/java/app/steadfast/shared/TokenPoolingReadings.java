package app.steadfast.shared;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * An experiment, in the test tree only: readings that keep more of a sentence than its
 * words' average. One pass of a sentence model gives a reading for every word piece; the
 * shipped reading is their mean. This writes, for every training row of a task, the mean
 * beside the largest value each dimension takes over the pieces ("max pooling"), each of
 * unit length, into the training tools' readings cache under the name {@code MODEL+max}
 * (twice the dimensions), so that {@link LanguageExperiments} with
 * {@code -Dreadings=MODEL+max:768} compares the two writer by writer. Never reads the
 * evaluation files.
 */
public final class TokenPoolingReadings {

	private TokenPoolingReadings() {
	}

	public static void main(String[] args) throws Exception {
		String task = args[0];
		SentenceModel.Reader reader = SentenceModel.Reader.named(args.length > 1 ? args[1] : "e5-small-v2-q");
		List<SentenceTraining.Row> rows = new ArrayList<>();
		for (Path file : SentenceTraining.trainingFiles(task)) {
			rows.addAll(SentenceTraining.read(file));
		}
		for (String extra : System.getProperty("extra", "").split(",")) {
			if (!extra.isBlank()) {
				rows.addAll(SentenceTraining.read(Path.of(extra)));
			}
		}
		int d = reader.dimensions();
		Path cache = Path.of("target/language-readings", reader.name() + "+max.bin");
		java.util.Set<SentenceModel.Digest> known = new java.util.HashSet<>();
		if (Files.exists(cache)) {
			ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(cache));
			while (bytes.remaining() >= 16 + 2 * d * 4) {
				known.add(new SentenceModel.Digest(bytes.getLong(), bytes.getLong()));
				bytes.position(bytes.position() + 2 * d * 4);
			}
		}
		Map<SentenceModel.Digest, String> missing = new LinkedHashMap<>();
		for (SentenceTraining.Row row : rows) {
			String text = Sentences.normalise(row.text());
			SentenceModel.Digest digest = SentenceModel.Digest.of(text);
			if (!known.contains(digest)) {
				missing.putIfAbsent(digest, text);
			}
		}
		System.out.printf("%d rows, %d to read%n", rows.size(), missing.size());
		ClassLoader classes = TokenPoolingReadings.class.getClassLoader();
		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		OrtSession session;
		HuggingFaceTokenizer tokenizer;
		try (InputStream weights = classes.getResourceAsStream(reader.resource() + ".onnx");
				InputStream vocabulary = classes.getResourceAsStream(reader.resource() + "-tokenizer.json")) {
			// The same options as the app's readings, so that the mean half matches them.
			session = environment.createSession(weights.readAllBytes(), SentenceModel.Session.sessionOptions());
			tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
		}
		boolean typeIds = session.getInputNames().contains("token_type_ids");
		List<SentenceModel.Digest> digests = new ArrayList<>(missing.keySet());
		float[][] out = new float[digests.size()][];
		java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
				Runtime.getRuntime().availableProcessors());
		pool.submit(() -> java.util.stream.IntStream.range(0, digests.size()).parallel().forEach((i) -> {
			try {
				out[i] = read(environment, session, tokenizer, typeIds, reader.prefix() + missing.get(digests.get(i)),
						d);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			if (done.incrementAndGet() % 2000 == 0) {
				System.out.printf("%d read%n", done.get());
			}
		})).get();
		ByteBuffer bytes = ByteBuffer.allocate(digests.size() * (16 + 2 * d * 4));
		for (int i = 0; i < digests.size(); i++) {
			bytes.putLong(digests.get(i).high()).putLong(digests.get(i).low());
			bytes.asFloatBuffer().put(out[i]);
			bytes.position(bytes.position() + 2 * d * 4);
		}
		Files.createDirectories(cache.getParent());
		Files.write(cache, bytes.array(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.printf("wrote %s%n", cache);
		System.exit(0);
	}

	static float[] read(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, boolean typeIds,
			String text, int d) throws Exception {
		Encoding encoding = tokenizer.encode(text, true, false);
		long[] ids = encoding.getIds();
		int length = Math.min(ids.length, 512);
		long[] shape = { 1, length };
		try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment,
				LongBuffer.wrap(java.util.Arrays.copyOf(ids, length)), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(environment,
						LongBuffer.wrap(java.util.Arrays.copyOf(encoding.getAttentionMask(), length)), shape);
				OnnxTensor typesTensor = OnnxTensor.createTensor(environment,
						LongBuffer.wrap(java.util.Arrays.copyOf(encoding.getTypeIds(), length)), shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", idsTensor);
			inputs.put("attention_mask", maskTensor);
			if (typeIds) {
				inputs.put("token_type_ids", typesTensor);
			}
			try (OrtSession.Result result = session.run(inputs)) {
				float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
				float[] mean = new float[d];
				float[] max = new float[d];
				java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
				for (float[] token : tokens) {
					for (int j = 0; j < d; j++) {
						mean[j] += token[j];
						max[j] = Math.max(max[j], token[j]);
					}
				}
				float[] both = new float[2 * d];
				System.arraycopy(unit(mean), 0, both, 0, d);
				System.arraycopy(unit(max), 0, both, d, d);
				return both;
			}
		}
	}

	private static float[] unit(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * x;
		}
		float norm = (float) Math.sqrt(sum);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = v[i] / norm;
		}
		return out;
	}

}
