package app.steadfast.repair;

/**
 * One span of text the excuse check marked. Offsets are into the text as he wrote it:
 * {@code 0 <= start < end <= text.length()}.
 *
 * @param start the first char of the span
 * @param end one past the last char
 * @param category what it is
 * @param rule the id of the rule in content/excuse-check.txt that found it
 */
public record ExcuseMark(int start, int end, ExcuseCategory category, String rule) {

	/** The marked words. */
	public String words(String text) {
		return text.substring(this.start, this.end);
	}

}
