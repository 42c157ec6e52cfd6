package app.steadfast.checkins;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a person records in a check-in.
 *
 * @param words one to five words from the vocabulary; the first is the primary feeling
 * @param intensity 1 to 10, or empty in the quick flow
 * @param body where it sits in the body
 * @param trigger what set it off, optional
 * @param response what he did with it, optional
 * @param responseNote more on what he did, optional
 * @param occurredAt when he felt it
 */
public record CheckInDetails(List<String> words, @Nullable Integer intensity, BodyLocation body,
		@Nullable String trigger, @Nullable Response response, @Nullable String responseNote, Instant occurredAt) {

	/** The longest a trigger or note may be. */
	public static final int MAX_TEXT = 1000;

	public CheckInDetails {
		words = List.copyOf(words);
	}

}
