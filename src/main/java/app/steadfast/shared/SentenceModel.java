package app.steadfast.shared;

import java.io.IOException;
import java.io.InputStream;
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

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded sentence models (quantized, each shipped inside the jar by a Maven package
 * and run in process on ONNX Runtime): each turns a sentence into numbers that place
 * sentences of like meaning near each other. Text never leaves the app.
 * <p>
 * Each check names the model it reads with in its classifier file ({@code reader NAME} in
 * content/language/*-model.txt, see {@link SentenceClassifier}); today both read with
 * e5-small-v2, the others are kept for the training tools. The models that ship
 * ({@link #SHIPPED}) load once per process, one after another, in the background once the
 * application is ready, so start-up does not wait for them; until a check's model is
 * ready, {@link #embed} answers empty for it and the check answers with its rules alone.
 * Readings of recent sentences are kept for each model, keyed by a digest of the sentence
 * and never the sentence itself, so checking a long statement again after a one-sentence
 * edit only reads the new sentence.
 * <p>
 * A classifier is trained on one model's readings: reading with another means training it
 * again (docs/risk-language.md, "Rebuilding the classifier"), and shipping a model not
 * shipped yet means moving its package to the application's scope in pom.xml and naming
 * it in {@link #SHIPPED}.
 */
@Component
public class SentenceModel {

	private static final Logger log = LoggerFactory.getLogger(SentenceModel.class);

	/**
	 * A sentence model that a Maven package ships, with its ONNX weights and tokenizer
	 * inside, as class path resources named after it.
	 *
	 * @param name how classifier files name it
	 * @param resource the name its package gives its files: {@code RESOURCE.onnx} and
	 * {@code RESOURCE-tokenizer.json}
	 * @param pooling how the readings of its words make the sentence's: as its package
	 * does
	 * @param prefix what goes before each sentence (e5 models were trained to read
	 * "query: ")
	 * @param dimensions how many numbers a reading has
	 */
	public record Reader(String name, String resource, PoolingMode pooling, String prefix, int dimensions) {

		/**
		 * The model of this name.
		 * @throws IllegalArgumentException if no model is known by that name
		 */
		public static Reader named(String name) {
			Reader reader = READERS.get(name);
			if (reader == null) {
				throw new IllegalArgumentException(
						"No sentence model is named " + name + "; known: " + new java.util.TreeSet<>(READERS.keySet()));
			}
			return reader;
		}

	}

	// The models tried for the checks (docs/risk-language.md, "Other sentence models
	// tried", says how each did). Only the shipped ones' packages are in the application;
	// the others are on the test class path, for the training tools.
	static final Map<String, Reader> READERS = Map.of("all-minilm-l6-v2-q",
			new Reader("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, "", 384), "bge-small-en-v1.5-q",
			new Reader("bge-small-en-v1.5-q", "bge-small-en-v1.5-q", PoolingMode.CLS, "", 384), "e5-small-v2-q",
			new Reader("e5-small-v2-q", "e5-small-v2-q", PoolingMode.MEAN, "query: ", 384));

	/**
	 * The models whose packages the application carries (compile scope in pom.xml), in
	 * the order they load after start-up: the risk check's first, as it is the one that
	 * opens a crisis panel. They are the models the shipped classifier files name
	 * (SentenceClassifierTests holds the two lists together).
	 */
	public static final List<Reader> SHIPPED = List.of(Reader.named("e5-small-v2-q"));

	// About 6 MB of readings for each model; enough for a long statement edited many
	// times.
	private static final int REMEMBERED = 4_000;

	private static final AtomicInteger threads = new AtomicInteger();

	// Where the models run a batch of sentences, in parallel.
	private static final ExecutorService workers = Executors
		.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), (runnable) -> {
			Thread thread = new Thread(runnable, "sentence-model-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});

	// Where the models load, one after another: two at once on a small machine would only
	// make the first one later.
	private static final ExecutorService loader = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "sentence-model-loader");
		thread.setDaemon(true);
		return thread;
	});

	// One of each model per process, however many application contexts (tests start
	// several), by name.
	private static final Map<String, CompletableFuture<EmbeddingModel>> loading = new ConcurrentHashMap<>();

	private static final Map<String, Long> loadMillis = new ConcurrentHashMap<>();

	// The readings of each model, by its name and then by the digest of the sentence.
	private static final Map<String, Map<Digest, float[]>> remembered = new ConcurrentHashMap<>();

	private final boolean enabled;

	// The test suite turns it off (see pom.xml) so that a web test's outcome never
	// depends on whether a model finished loading first; the evaluation tests load the
	// models themselves.
	SentenceModel(@Value("${steadfast.language.sentence-model:true}") boolean enabled) {
		this.enabled = enabled;
	}

	// Off the start-up path: the checks answer with their rules alone until their models
	// are in.
	@EventListener(ApplicationReadyEvent.class)
	void applicationReady() {
		if (this.enabled) {
			SHIPPED.forEach(SentenceModel::start);
		}
	}

	/** Starts loading a model in the background, once per process. */
	public static void start(Reader reader) {
		loading.computeIfAbsent(reader.name(),
				(name) -> CompletableFuture.supplyAsync(() -> load(reader), loader).whenComplete((model, ex) -> {
					if (ex != null) {
						log.warn(
								"The sentence model {} could not load; the checks that read with it use their rules alone",
								name, ex);
					}
				}));
	}

	private static EmbeddingModel load(Reader reader) {
		long started = System.nanoTime();
		EmbeddingModel model = new Session(reader, workers);
		model.embed(reader.prefix() + "warm up");
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		loadMillis.put(reader.name(), millis);
		log.info("Sentence model {} loaded in {} ms", reader.name(), millis);
		return model;
	}

	/**
	 * A model's ONNX session, built here rather than by its package so that each reading
	 * runs on one thread: the workers already read a text's sentences in parallel, one
	 * per core, and ONNX Runtime's own threads (one per core for every reading, spinning
	 * while they wait) only took the cores from each other. Forty sentences on two cores
	 * took about 105 ms this way against about 160 ms with the package's session; the
	 * readings are the same to the last bit (docs/risk-language.md, "Speed";
	 * SentenceModelTests holds them equal to the package's own).
	 */
	static final class Session extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		private final int dimensions;

		Session(Reader reader, java.util.concurrent.Executor executor) {
			super(executor);
			this.dimensions = reader.dimensions();
			ClassLoader classes = SentenceModel.class.getClassLoader();
			try (InputStream weights = resource(classes, reader.resource() + ".onnx");
					InputStream tokenizer = resource(classes, reader.resource() + "-tokenizer.json")) {
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				// Kept open with the session, which lives as long as the process.
				OrtSession session = environment.createSession(weights.readAllBytes(), sessionOptions());
				this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, reader.pooling());
			}
			catch (IOException | OrtException ex) {
				throw new IllegalStateException("The sentence model " + reader.name() + " could not be read", ex);
			}
		}

		/**
		 * How every reading runs (docs/risk-language.md, "One thread a reading"): on one
		 * thread, whose waits do not spin, with the graph fully optimised. Kept open with
		 * the session that uses them.
		 */
		static OrtSession.SessionOptions sessionOptions() throws OrtException {
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			return options;
		}

		private static InputStream resource(ClassLoader classes, String name) throws IOException {
			InputStream stream = classes.getResourceAsStream(name);
			if (stream == null) {
				throw new IOException(name + " is not on the class path: is its package in pom.xml?");
			}
			return stream;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return this.dimensions;
		}

	}

	/** Whether this model has loaded (and is in use in this application). */
	public boolean ready(Reader reader) {
		CompletableFuture<EmbeddingModel> current = loading.get(reader.name());
		return this.enabled && current != null && current.isDone() && !current.isCompletedExceptionally();
	}

	/**
	 * Whether a check can read with this classifier now: the classifier is read, and the
	 * model its file names has loaded. While the models are in use, asking starts reading
	 * the classifier in the background; while they are not, the classifier is never read.
	 */
	public boolean ready(SentenceClassifier.Source classifier) {
		return this.enabled && classifier.ready() && ready(classifier.get().reader());
	}

	/**
	 * Waits until a model has loaded, for tests and benchmarks.
	 * @return whether it is ready within the time given
	 */
	public boolean awaitReady(Reader reader, Duration timeout) {
		start(reader);
		try {
			loading.get(reader.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return this.enabled;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/** How long loading a model took, in milliseconds; -1 until it has loaded. */
	public static long loadMillis(Reader reader) {
		return loadMillis.getOrDefault(reader.name(), -1L);
	}

	/**
	 * The readings of several sentences by a model, in order, each of unit length; empty
	 * while the model is not ready (or if it failed to load). Sentences this model read
	 * before are not read again.
	 */
	public Optional<List<float[]>> embed(Reader reader, List<String> sentences) {
		if (!ready(reader)) {
			return Optional.empty();
		}
		EmbeddingModel model = loading.get(reader.name()).join();
		Map<Digest, float[]> known = remembered.computeIfAbsent(reader.name(), (name) -> new ConcurrentHashMap<>());
		List<float[]> readings = new ArrayList<>(sentences.size());
		List<Digest> digests = new ArrayList<>(sentences.size());
		// A sentence that repeats in the text is read once.
		Map<Digest, String> missing = new LinkedHashMap<>();
		for (String sentence : sentences) {
			Digest digest = Digest.of(sentence);
			digests.add(digest);
			float[] reading = known.get(digest);
			readings.add(reading);
			if (reading == null) {
				missing.putIfAbsent(digest, sentence);
			}
		}
		if (!missing.isEmpty()) {
			List<TextSegment> segments = missing.values()
				.stream()
				.map((sentence) -> TextSegment.from(reader.prefix() + sentence))
				.toList();
			List<Embedding> embeddings = model.embedAll(segments).content();
			if (known.size() + missing.size() > REMEMBERED) {
				known.clear();
			}
			Map<Digest, float[]> read = new HashMap<>();
			int j = 0;
			for (Digest digest : missing.keySet()) {
				float[] vector = embeddings.get(j++).vector();
				read.put(digest, vector);
				known.put(digest, vector);
			}
			for (int i = 0; i < readings.size(); i++) {
				if (readings.get(i) == null) {
					readings.set(i, read.get(digests.get(i)));
				}
			}
		}
		return Optional.of(readings);
	}

	/**
	 * Forgets the remembered readings of every model, for benchmarks that time a first
	 * reading.
	 */
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

	/**
	 * A model in use for a test or benchmark, once it has loaded.
	 * @throws IllegalStateException if it does not load in the time given
	 */
	public static SentenceModel loaded(Reader reader, Duration timeout) {
		SentenceModel model = new SentenceModel(true);
		if (!model.awaitReady(reader, timeout)) {
			throw new IllegalStateException("The sentence model " + reader.name() + " did not load within " + timeout);
		}
		return model;
	}

	/**
	 * The shipped models in use for a test or benchmark, once they have all loaded: any
	 * shipped classifier can then be read with.
	 * @throws IllegalStateException if one does not load in the time given
	 */
	public static SentenceModel loaded(Duration timeout) {
		SHIPPED.forEach((reader) -> loaded(reader, timeout));
		return new SentenceModel(true);
	}

}
