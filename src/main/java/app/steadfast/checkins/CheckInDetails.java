package app.steadfast.checkins;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person records in a check-in. The annotations are rules of every check-in,
 * checked by {@link CheckInManagement#record} and {@link CheckInManagement#update}
 * whoever calls them (their messages are in {@code messages.properties}); the rules that
 * need the vocabulary, the clock or the quick flow are in {@link CheckInRecording}.
 *
 * @param words one to five words from the vocabulary; the first is the primary feeling
 * @param intensity 1 to 10, or empty in the quick flow
 * @param body where it sits in the body
 * @param trigger what set it off, optional
 * @param response what he did with it, optional
 * @param responseNote more on what he did, optional
 * @param occurredAt when he felt it
 */
public record CheckInDetails(
		@NotEmpty(message = "{checkin.words.required}") @Size(max = CheckInManagement.MAX_WORDS,
				message = "{checkin.words.size}") List<String> words,
		@Min(value = 1, message = "{checkin.intensity.range}") @Max(value = 10,
				message = "{checkin.intensity.range}") @Nullable Integer intensity,
		@NotNull(message = "{checkin.body.required}") BodyLocation body,
		@Size(max = CheckInDetails.MAX_TEXT, message = "{checkin.text.size}") @Nullable String trigger,
		@Nullable Response response,
		@Size(max = CheckInDetails.MAX_TEXT, message = "{checkin.text.size}") @Nullable String responseNote,
		Instant occurredAt) {

	/** The longest a trigger or note may be. */
	public static final int MAX_TEXT = 1000;

	public CheckInDetails {
		words = List.copyOf(words);
	}

}
