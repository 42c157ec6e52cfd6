package app.steadfast.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.Sentences;

/**
 * What the excuse check made of a statement: for each part, its text cut into plain and
 * marked pieces, and the marks with their explanations.
 *
 * @param parts the parts in order
 */
public record Review(List<PartReview> parts) {

	/** Reviews each part's words. */
	static Review of(Map<StatementPart, String> words, ExcuseCheck check) {
		List<PartReview> parts = new ArrayList<>();
		for (StatementPart part : StatementPart.values()) {
			String text = words.getOrDefault(part, "");
			parts.add(PartReview.of(part, text, check.check(text)));
		}
		return new Review(parts);
	}

	/** How many warnings (marks other than ownership) there are in all. */
	public long warnings() {
		return this.parts.stream().flatMap((p) -> p.marks().stream()).filter((m) -> m.category().warning()).count();
	}

	/** How many signs of ownership there are in all. */
	public long ownership() {
		return this.parts.stream().flatMap((p) -> p.marks().stream()).filter((m) -> !m.category().warning()).count();
	}

	/**
	 * The counts in words, with plurals right: "1 place to look at again, no signs of
	 * ownership yet."
	 */
	public String summary() {
		return summary(warnings(), ownership());
	}

	/** {@link #summary()} for any counts. */
	static String summary(long warnings, long ownership) {
		String places = (warnings == 0) ? "No places to look at again" : places(warnings) + " to look at again";
		String signs = (ownership == 0) ? "no signs of ownership yet"
				: ownership + ((ownership == 1) ? " sign" : " signs") + " of ownership";
		return places + ", " + signs + ".";
	}

	/** "1 place", "3 places". */
	static String places(long count) {
		return count + ((count == 1) ? " place" : " places");
	}

	/** The review of one part. */
	public PartReview part(StatementPart part) {
		return this.parts.stream().filter((p) -> p.part() == part).findFirst().orElseThrow();
	}

	/**
	 * One part, checked.
	 *
	 * @param part which part
	 * @param text its words
	 * @param pieces the words cut at the marks, for showing them
	 * @param marks the marks, with the words they cover
	 */
	public record PartReview(StatementPart part, String text, List<Piece> pieces, List<Marked> marks) {

		static PartReview of(StatementPart part, String text, List<ExcuseMark> marks) {
			List<Piece> pieces = new ArrayList<>();
			List<Marked> marked = new ArrayList<>();
			int at = 0;
			for (ExcuseMark mark : marks) {
				marked.add(new Marked(mark.words(text), mark.category(), mark.rule(), mark.start(), mark.end()));
				if (mark.start() < at) {
					// Overlaps a mark of another category: listed, not highlighted twice.
					continue;
				}
				if (mark.start() > at) {
					pieces.add(new Piece(text.substring(at, mark.start()), null));
				}
				pieces.add(new Piece(mark.words(text), mark.category()));
				at = mark.end();
			}
			if (at < text.length()) {
				pieces.add(new Piece(text.substring(at), null));
			}
			return new PartReview(part, text, pieces, marked);
		}

		/** Whether any warning was marked in this part. */
		public boolean hasWarnings() {
			return this.marks.stream().anyMatch((m) -> m.category().warning());
		}

		/** Whether he wrote anything in this part. */
		public boolean written() {
			return !this.text.isBlank();
		}

		/**
		 * The sentences that hold marks, in order, each with its own words cut at the
		 * marks and the marks found in it, so each finding shows beside the sentence it
		 * came from. A mark belongs to the sentence it starts in (the text between two
		 * sentences belongs to the one after it).
		 */
		public List<SentenceReview> sentences() {
			List<SentenceReview> sentences = new ArrayList<>();
			if (this.marks.isEmpty()) {
				return sentences;
			}
			List<Sentences.Span> spans = Sentences.split(this.text);
			if (spans.isEmpty()) {
				spans = List.of(new Sentences.Span(0, this.text.length()));
			}
			for (int i = 0; i < spans.size(); i++) {
				Sentences.Span span = spans.get(i);
				int from = (i == 0) ? 0 : spans.get(i - 1).end();
				int to = (i == spans.size() - 1) ? this.text.length() : span.end();
				List<Marked> mine = this.marks.stream().filter((m) -> m.start() >= from && m.start() < to).toList();
				if (mine.isEmpty()) {
					continue;
				}
				List<Piece> words = new ArrayList<>();
				int at = span.start();
				for (Marked mark : this.marks) {
					int start = Math.max(mark.start(), span.start());
					int end = Math.min(mark.end(), span.end());
					if (start >= end || start < at) {
						// Outside this sentence, or overlapping a mark already shown.
						continue;
					}
					if (start > at) {
						words.add(new Piece(this.text.substring(at, start), null));
					}
					words.add(new Piece(this.text.substring(start, end), mark.category()));
					at = end;
				}
				if (at < span.end()) {
					words.add(new Piece(this.text.substring(at, span.end()), null));
				}
				sentences.add(new SentenceReview(words, mine));
			}
			return sentences;
		}

	}

	/**
	 * One sentence of a part that holds marks.
	 *
	 * @param pieces its words, cut at the marks
	 * @param marks the marks that start in it
	 */
	public record SentenceReview(List<Piece> pieces, List<Marked> marks) {

		/** Whether any of its marks is a warning. */
		public boolean hasWarnings() {
			return this.marks.stream().anyMatch((m) -> m.category().warning());
		}

	}

	/**
	 * A stretch of text, marked or not.
	 *
	 * @param text the words
	 * @param category what they were marked as, or null
	 */
	public record Piece(String text, ExcuseCategory category) {
	}

	/**
	 * A mark as he reads it.
	 *
	 * @param words the words it covers
	 * @param category what it is
	 * @param rule the rule that found it
	 * @param start where it starts in the part's text
	 * @param end one past where it ends
	 */
	public record Marked(String words, ExcuseCategory category, String rule, int start, int end) {
	}

}
