package app.steadfast.insights;

import org.jspecify.annotations.Nullable;

/**
 * What a caseload shows of one person's progress: the same figures his progress page
 * shows the viewer, without reading the rest of it.
 *
 * @param stuckSignals how many stuck signals hold now and are not set aside
 * @param latestPulse his own latest weekly pulse in the weeks read, if he answered any
 */
public record ProgressGlance(int stuckSignals, @Nullable Double latestPulse) {

	/** The glance of a progress page already read. */
	static ProgressGlance of(Progress progress) {
		return new ProgressGlance(progress.signals().size(),
				progress.weeks()
					.stream()
					.map(Progress.WeekRow::myPulse)
					.filter(java.util.Objects::nonNull)
					.reduce((first, second) -> second)
					.orElse(null));
	}

}
