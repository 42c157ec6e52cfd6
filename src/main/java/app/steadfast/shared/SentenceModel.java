package app.steadfast.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded sentence model (all-MiniLM-L6-v2, quantized, shipped inside the jar by a
 * Maven package and run in process on ONNX Runtime): turns a sentence into 384 numbers
 * that place sentences of like meaning near each other. Text never leaves the app.
 * <p>
 * It loads once per process, in the background, so start-up does not wait for it; until
 * it is ready {@link #embed} answers empty and callers fall back on their rules alone.
 * Readings of recent sentences are kept, keyed by a digest of the sentence and never the
 * sentence itself, so checking a long statement again after a one-sentence edit only
 * reads the new sentence.
 * <p>
 * Which model reads is the one constant {@link #CHOSEN}. The classifiers are trained on
 * its readings and their files name it ({@link SentenceClassifier} refuses a file trained
 * on another): changing it means adding the other model's package to the build and
 * training both classifiers again (docs/risk-language.md, "Rebuilding the classifier").
 */
@Component
public class SentenceModel {

	private static final Logger log = LoggerFactory.getLogger(SentenceModel.class);

	/**
	 * A sentence model that a Maven package ships, with its ONNX weights inside.
	 *
	 * @param name how classifier files name it
	 * @param className its class, built with an executor to run on
	 * @param prefix what goes before each sentence (e5 models were trained to read
	 * "query: ")
	 * @param dimensions how many numbers a reading has
	 */
	public record Reader(String name, String className, String prefix, int dimensions) {
	}

	// The models tried for the checks (docs/risk-language.md, "Other sentence models
	// tried", says how each did). Only the chosen one's package is in the application;
	// the others are on the test class path, for the training tools.
	static final Map<String, Reader> READERS = Map.of("all-minilm-l6-v2-q", new Reader("all-minilm-l6-v2-q",
			"dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel", "", 384),
			"bge-small-en-v1.5-q",
			new Reader("bge-small-en-v1.5-q",
					"dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel", "",
					384),
			"e5-small-v2-q",
			new Reader("e5-small-v2-q",
					"dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel", "query: ",
					384));

	/**
	 * The model that reads, by name. The training command may try another with
	 * {@code -Dsteadfast.language.reader=NAME} when its package is on the class path.
	 */
	public static final String CHOSEN = "all-minilm-l6-v2-q";

	/** The model in use. */
	public static final Reader READER = reader(System.getProperty("steadfast.language.reader", CHOSEN));

	private static Reader reader(String name) {
		Reader reader = READERS.get(name);
		if (reader == null) {
			throw new IllegalStateException("No sentence model is named " + name + "; known: " + READERS.keySet());
		}
		return reader;
	}

	/** How many numbers a reading has. */
	public static final int DIMENSIONS = READER.dimensions();

	// About 6 MB of readings; enough for a long statement edited many times.
	private static final int REMEMBERED = 4_000;

	private static final AtomicInteger threads = new AtomicInteger();

	private static final ExecutorService workers = Executors
		.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), (runnable) -> {
			Thread thread = new Thread(runnable, "sentence-model-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});

	// One model per process, however many application contexts (tests start several).
	private static volatile CompletableFuture<EmbeddingModel> loading;

	private static volatile long loadMillis = -1;

	private static final Map<Digest, float[]> remembered = new ConcurrentHashMap<>();

	private final boolean enabled;

	// The test suite turns it off (see pom.xml) so that a web test's outcome never
	// depends
	// on whether the model finished loading first; the evaluation tests load it
	// themselves.
	SentenceModel(@Value("${steadfast.language.sentence-model:true}") boolean enabled) {
		this.enabled = enabled;
	}

	// Off the start-up path: the app answers with its rules alone until the model is in.
	@EventListener(ApplicationReadyEvent.class)
	void applicationReady() {
		if (this.enabled) {
			start();
		}
	}

	/** Starts loading the model in the background, once per process. */
	public static void start() {
		if (loading == null) {
			synchronized (SentenceModel.class) {
				if (loading == null) {
					loading = CompletableFuture.supplyAsync(SentenceModel::load, workers).whenComplete((model, ex) -> {
						if (ex != null) {
							log.warn("The sentence model could not load; the checks use their rules alone", ex);
						}
					});
				}
			}
		}
	}

	private static EmbeddingModel load() {
		long started = System.nanoTime();
		EmbeddingModel model;
		try {
			model = (EmbeddingModel) Class.forName(READER.className())
				.getConstructor(java.util.concurrent.Executor.class)
				.newInstance(workers);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		model.embed("warm up");
		loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		log.info("Sentence model {} loaded in {} ms", READER.name(), loadMillis);
		return model;
	}

	/** Whether the model has loaded. */
	public boolean ready() {
		CompletableFuture<EmbeddingModel> current = loading;
		return this.enabled && current != null && current.isDone() && !current.isCompletedExceptionally();
	}

	/**
	 * Waits until the model has loaded, for tests and benchmarks.
	 * @return whether it is ready within the time given
	 */
	public boolean awaitReady(Duration timeout) {
		start();
		try {
			loading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/** How long loading took, in milliseconds; -1 until it has loaded. */
	public long loadMillis() {
		return loadMillis;
	}

	/**
	 * The readings of several sentences, in order, each of unit length; empty while the
	 * model is not ready (or if it failed to load). Sentences read before are not read
	 * again.
	 */
	public Optional<List<float[]>> embed(List<String> sentences) {
		if (!ready()) {
			return Optional.empty();
		}
		EmbeddingModel model = loading.join();
		List<float[]> readings = new ArrayList<>(sentences.size());
		List<Digest> digests = new ArrayList<>(sentences.size());
		// A sentence that repeats in the text is read once.
		Map<Digest, String> missing = new LinkedHashMap<>();
		for (String sentence : sentences) {
			Digest digest = Digest.of(sentence);
			digests.add(digest);
			float[] known = remembered.get(digest);
			readings.add(known);
			if (known == null) {
				missing.putIfAbsent(digest, sentence);
			}
		}
		if (!missing.isEmpty()) {
			List<TextSegment> segments = missing.values()
				.stream()
				.map((sentence) -> TextSegment.from(READER.prefix() + sentence))
				.toList();
			List<Embedding> embeddings = model.embedAll(segments).content();
			if (remembered.size() + missing.size() > REMEMBERED) {
				remembered.clear();
			}
			Map<Digest, float[]> read = new HashMap<>();
			int j = 0;
			for (Digest digest : missing.keySet()) {
				float[] vector = embeddings.get(j++).vector();
				read.put(digest, vector);
				remembered.put(digest, vector);
			}
			for (int i = 0; i < readings.size(); i++) {
				if (readings.get(i) == null) {
					readings.set(i, read.get(digests.get(i)));
				}
			}
		}
		return Optional.of(readings);
	}

	/** Forgets the remembered readings, for benchmarks that time a first reading. */
	public void forget() {
		remembered.clear();
	}

	/**
	 * What stands for a sentence wherever something made of it is remembered: 128 bits of
	 * its SHA-256, never the sentence itself.
	 *
	 * @param high the first 64 bits
	 * @param low the next 64 bits
	 */
	public record Digest(long high, long low) {

		/** The digest of a sentence. */
		public static Digest of(String sentence) {
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256").digest(sentence.getBytes(StandardCharsets.UTF_8));
				long high = 0;
				long low = 0;
				for (int i = 0; i < 8; i++) {
					high = (high << 8) | (hash[i] & 0xff);
					low = (low << 8) | (hash[i + 8] & 0xff);
				}
				return new Digest(high, low);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Waits for the model in a test or benchmark, failing loudly if it does not load. */
	public static SentenceModel loaded(Duration timeout) {
		SentenceModel model = new SentenceModel(true);
		start();
		if (!model.awaitReady(timeout)) {
			throw new IllegalStateException("The sentence model did not load within " + timeout);
		}
		return model;
	}

}
