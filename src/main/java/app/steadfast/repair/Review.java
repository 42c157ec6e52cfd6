package app.steadfast.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
				marked.add(new Marked(mark.words(text), mark.category(), mark.rule()));
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
	 */
	public record Marked(String words, ExcuseCategory category, String rule) {
	}

}
