package app.steadfast.checkins;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The check-in form, bound and converted by Spring. It holds no rules: a check-in's rules
 * are those of {@link CheckInRecording} (annotations on {@link CheckInDetails} and a few
 * in code), which every way of recording one goes through. What cannot be converted
 * (letters for the intensity, an impossible date) is a {@code typeMismatch} error beside
 * its field, worded in {@code messages.properties}, and the text he typed is shown back.
 *
 * @param words the chosen words
 * @param primary the strongest of them
 * @param intensity 1 to 10
 * @param body where he feels it
 * @param trigger what set it off
 * @param response what he did
 * @param responseNote more on what he did
 * @param when when he felt it, as a browser's date and time ({@code 2026-11-27T18:30});
 * empty for now
 */
record CheckInForm(@Nullable List<String> words, @Nullable String primary, @Nullable Integer intensity,
		@Nullable BodyLocation body, @Nullable String trigger, @Nullable Response response,
		@Nullable String responseNote,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime when) {

	CheckInForm {
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	static CheckInForm empty() {
		return new CheckInForm(List.of(), null, null, null, "", null, "", null);
	}

	static CheckInForm of(CheckInView view, ZoneId zone) {
		return new CheckInForm(view.words(), view.primary(), view.intensity(), view.body(),
				(view.trigger() != null) ? view.trigger() : "", view.response(),
				(view.responseNote() != null) ? view.responseNote() : "",
				LocalDateTime.ofInstant(view.occurredAt(), zone).truncatedTo(ChronoUnit.MINUTES));
	}

	/**
	 * What he entered, for the rules to check; {@code orElse} when he left the time
	 * empty.
	 */
	CheckInDetails details(ZoneId zone, Instant orElse) {
		return new CheckInDetails(ordered(), this.intensity, this.body, this.trigger, this.response, this.responseNote,
				(this.when != null) ? this.when.atZone(zone).toInstant() : orElse);
	}

	/** The words with the primary one first. */
	List<String> ordered() {
		if (this.primary == null || !this.words.contains(this.primary)) {
			return this.words;
		}
		List<String> ordered = new ArrayList<>();
		ordered.add(this.primary);
		this.words.stream().filter((word) -> !word.equals(this.primary)).forEach(ordered::add);
		return ordered;
	}

}
