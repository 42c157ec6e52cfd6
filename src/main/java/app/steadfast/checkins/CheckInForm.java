package app.steadfast.checkins;

import java.util.List;

/**
 * The check-in form. Numbers and choices arrive as text so that anything typed is shown
 * back, never lost; {@link CheckInController} turns them into {@link CheckInDetails}.
 *
 * @param words the chosen words
 * @param primary the strongest of them
 * @param intensity 1 to 10
 * @param body a {@link BodyLocation} name
 * @param trigger what set it off
 * @param response a {@link Response} name
 * @param responseNote more on what he did
 * @param when when he felt it, as a browser's date and time ({@code 2026-11-27T18:30});
 * empty for now
 */
record CheckInForm(List<String> words, String primary, String intensity, String body, String trigger, String response,
		String responseNote, String when) {

	CheckInForm {
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	static CheckInForm empty() {
		return new CheckInForm(List.of(), null, null, null, "", null, "", "");
	}

	static CheckInForm of(CheckInView view, java.time.ZoneId zone) {
		return new CheckInForm(view.words(), view.primary(),
				(view.intensity() != null) ? view.intensity().toString() : null, view.body().name(),
				(view.trigger() != null) ? view.trigger() : "",
				(view.response() != null) ? view.response().name() : null,
				(view.responseNote() != null) ? view.responseNote() : "",
				java.time.LocalDateTime.ofInstant(view.occurredAt(), zone)
					.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
					.toString());
	}

	/** The words with the primary one first. */
	List<String> ordered() {
		if (this.primary == null || !this.words.contains(this.primary)) {
			return this.words;
		}
		List<String> ordered = new java.util.ArrayList<>();
		ordered.add(this.primary);
		this.words.stream().filter((word) -> !word.equals(this.primary)).forEach(ordered::add);
		return ordered;
	}

}
