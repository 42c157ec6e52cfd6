package app.steadfast.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;

import org.jspecify.annotations.Nullable;

/**
 * The excuse check, in two layers (explained for clinicians in docs/excuse-check.md):
 * <ol>
 * <li>a transparent list of rules (content/excuse-check.txt) that marks minimizing,
 * justifying, blame-shifting, conditional apologies, comparison, passive voice, pressure
 * and the "but" that cancels an apology, and recognises ownership. It reads the text as
 * written (case ignored, curly quotes made straight), so every mark points at the words
 * he typed. Negations and quoted words are set aside first;</li>
 * <li>an embedded sentence model (e5-small-v2, the one the classifier file names) with a
 * classifier trained on labelled sentences (content/language/excuse-model.txt), which
 * reads each sentence for the same moves in words no rule was written for. Where it reads
 * an excuse with confidence and no rule marked one, the whole sentence is marked
 * ({@value #SENTENCE_MODEL}); where it reads an excuse, ownership the rules found in that
 * sentence is not praised ("Yes I hid it, but only because...").</li>
 * </ol>
 * Until the sentence model has loaded, the rules answer alone. It never throws because of
 * what the text holds and keeps no text.
 */
final class ExcuseCheck {

	static final String SHIPPED = ExcuseRules.SHIPPED;

	/** The classifier that ships with the app. */
	static final String SHIPPED_MODEL = "content/language/excuse-model.txt";

	/** The rule id of marks the sentence model made. */
	static final String SENTENCE_MODEL = "sentence-model";

	private final ExcuseRules rules;

	// What the model made of each sentence read before, keyed by a digest of the sentence
	// as written (never the sentence): after a one-sentence edit of a long statement only
	// the new sentence is normalised, read and classified again.
	private static final int MAX_REMEMBERED_SENTENCES = 4_000;

	private final Map<SentenceModel.Digest, Reading> remembered = new java.util.concurrent.ConcurrentHashMap<>();

	@Nullable private final SentenceModel model;

	// Read in the background the first time the check asks for it while the sentence
	// models are in use; its file names the model it reads with.
	private final SentenceClassifier.@Nullable Source classifier;

	private ExcuseCheck(ExcuseRules rules, @Nullable SentenceModel model,
			SentenceClassifier.@Nullable Source classifier) {
		this.rules = rules;
		this.model = model;
		this.classifier = classifier;
	}

	/** This check with the sentence model as its second layer. */
	ExcuseCheck withModel(SentenceModel model, SentenceClassifier classifier) {
		return new ExcuseCheck(this.rules, model, SentenceClassifier.Source.of(classifier));
	}

	/** This check with the shipped classifier as its second layer. */
	ExcuseCheck withModel(SentenceModel model) {
		return new ExcuseCheck(this.rules, model, SentenceClassifier.lazily(SHIPPED_MODEL));
	}

	/** Whether the sentence model takes part yet. */
	boolean modelReady() {
		return this.model != null && this.classifier != null && this.model.ready(this.classifier);
	}

	/** The rules that ship with the app, without the sentence model yet. */
	static ExcuseCheck shipped() {
		return new ExcuseCheck(ExcuseRules.shipped(), null, null);
	}

	/**
	 * Reads a rules list, without the sentence model.
	 * @throws IllegalStateException naming the line, if a line is malformed, an id
	 * repeats or a pattern could match empty text
	 */
	static ExcuseCheck parse(String source, String name) {
		return new ExcuseCheck(ExcuseRules.parse(source, name), null, null);
	}

	/** Every rule id, negations first. */
	List<String> ids() {
		return this.rules.ids();
	}

	/** The rules that mark, in file order. */
	List<ExcuseRules.Rule> rules() {
		return this.rules.rules();
	}

	/**
	 * Marks the text with both layers. Null and blank text have no marks. Marks are
	 * sorted by start; two marks of one category never overlap.
	 */
	List<ExcuseMark> check(@Nullable String text) {
		List<ExcuseMark> byRules = checkByRules(text);
		if (text == null || text.isBlank() || !modelReady()) {
			return byRules;
		}
		List<Sentences.Span> sentences = Sentences.split(text);
		List<Reading> readings = read(text, sentences);
		List<ExcuseMark> marks = new ArrayList<>(byRules);
		for (int i = 0; i < sentences.size(); i++) {
			Sentences.Span sentence = sentences.get(i);
			Reading reading = readings.get(i);
			if (reading.read() && reading.excuseShare() < setAsideBelow()) {
				// The model reads the sentence as plainly clean: a rule's warning in it
				// is set aside (its words stand in a context the rule cannot see).
				marks.removeIf((mark) -> mark.category().warning() && within(mark, sentence));
			}
			if (reading.excuse() == null) {
				continue;
			}
			// An admission he goes on to excuse is not praised as ownership.
			marks.removeIf((mark) -> mark.category() == ExcuseCategory.OWNERSHIP && within(mark, sentence));
			boolean ruleWarned = marks.stream().anyMatch((mark) -> mark.category().warning() && within(mark, sentence));
			if (!ruleWarned) {
				marks.add(new ExcuseMark(sentence.start(), sentence.end(), reading.excuse(), SENTENCE_MODEL));
			}
		}
		marks
			.sort(Comparator.comparingInt(ExcuseMark::start).thenComparing(ExcuseMark::end, Comparator.reverseOrder()));
		return List.copyOf(marks);
	}

	/**
	 * What the sentence model alone marks: each sentence it reads as an excuse, whole;
	 * nothing while it is not loaded.
	 */
	List<ExcuseMark> checkByModel(@Nullable String text) {
		if (text == null || text.isBlank() || !modelReady()) {
			return List.of();
		}
		List<Sentences.Span> sentences = Sentences.split(text);
		List<Reading> readings = read(text, sentences);
		List<ExcuseMark> marks = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			if (readings.get(i).excuse() != null) {
				marks.add(new ExcuseMark(sentences.get(i).start(), sentences.get(i).end(), readings.get(i).excuse(),
						SENTENCE_MODEL));
			}
		}
		return marks;
	}

	/**
	 * The model's reading of one sentence.
	 *
	 * @param excuse the excuse it reads with confidence, or null
	 * @param read whether the model read the sentence
	 * @param excuseShare how much the reading leans to any excuse at all
	 */
	private record Reading(@Nullable ExcuseCategory excuse, boolean read, double excuseShare) {

		static final Reading UNREAD = new Reading(null, false, 0);

	}

	// The classifier's threshold under which a rule's warning is set aside; none (0) in a
	// classifier trained before it existed.
	private double setAsideBelow() {
		return this.classifier.get().settings().getOrDefault("set-aside-rules-below", 0.0);
	}

	private List<Reading> read(String text, List<Sentences.Span> sentences) {
		List<Reading> out = new ArrayList<>(sentences.size());
		List<Integer> fresh = new ArrayList<>();
		List<SentenceModel.Digest> digests = new ArrayList<>(sentences.size());
		for (Sentences.Span sentence : sentences) {
			SentenceModel.Digest digest = SentenceModel.Digest.of(sentence.of(text));
			digests.add(digest);
			Reading known = this.remembered.get(digest);
			if (known == null) {
				fresh.add(out.size());
			}
			out.add(known);
		}
		if (fresh.isEmpty()) {
			return out;
		}
		List<String> units = fresh.stream().map((i) -> Sentences.normalise(sentences.get(i).of(text))).toList();
		List<float[]> readings = this.model.embed(this.classifier.get().reader(), units).orElse(null);
		if (readings == null) {
			fresh.forEach((i) -> out.set(i, Reading.UNREAD));
			return out;
		}
		if (this.remembered.size() + fresh.size() > MAX_REMEMBERED_SENTENCES) {
			this.remembered.clear();
		}
		for (int j = 0; j < fresh.size(); j++) {
			int i = fresh.get(j);
			Reading reading = classify(readings.get(j), units.get(j), quotedWhole(text, sentences.get(i)));
			out.set(i, reading);
			this.remembered.put(digests.get(i), reading);
		}
		return out;
	}

	private Reading classify(float[] reading, String unit, boolean quoted) {
		if (quoted) {
			return Reading.UNREAD;
		}
		SentenceClassifier classifier = this.classifier.get();
		List<String> labels = classifier.labels();
		SentenceClassifier.Input input = classifier.input(reading, unit);
		// The layers' own reading, which the bar for setting a rule's warning aside
		// reads,
		// and with the nearest training sentences' vote, which the warning reads: how
		// much
		// each leans to any excuse at all, then (by the second) which one.
		float[] layered = classifier.probabilities(input);
		float[] p = classifier.blended(input);
		double excuseShare = 0;
		double blendedShare = 0;
		int top = -1;
		for (int c = 0; c < p.length; c++) {
			String label = labels.get(c);
			if (label.equals("NONE") || label.equals(ExcuseCategory.OWNERSHIP.name())) {
				continue;
			}
			excuseShare += layered[c];
			blendedShare += p[c];
			if (top < 0 || p[c] > p[top]) {
				top = c;
			}
		}
		boolean excuse = top >= 0 && blendedShare >= classifier.setting("warning");
		return new Reading(excuse ? ExcuseCategory.valueOf(labels.get(top)) : null, true, excuseShare);
	}

	// A sentence that is all quotation is what someone else said, or what he used to say.
	private static boolean quotedWhole(String text, Sentences.Span sentence) {
		String words = sentence.of(text).strip();
		if (words.length() <= 2 || "\"\u201C".indexOf(words.charAt(0)) < 0) {
			return false;
		}
		// The closing punctuation trimmed by hand: a pattern anchored at the end tries
		// every start in a long run of commas, in time the run's length squared.
		int end = words.length();
		while (end > 1 && ".!?, \t\n\013\f\r".indexOf(words.charAt(end - 1)) >= 0) {
			end--;
		}
		return words.substring(1, end).matches("[^\"\u201C\u201D]*[\"\u201D]");
	}

	private static boolean within(ExcuseMark mark, Sentences.Span sentence) {
		return mark.start() >= sentence.start() && mark.start() < sentence.end();
	}

	/**
	 * Marks the text with the rules alone. Null and blank text have no marks. Marks are
	 * sorted by start; two marks of one category never overlap.
	 */
	List<ExcuseMark> checkByRules(@Nullable String text) {
		return this.rules.check(text);
	}

}
