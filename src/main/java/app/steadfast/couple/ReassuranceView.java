package app.steadfast.couple;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The quiet signal for reassurance as one of the two may see it now. During her safety
 * pause his view is exactly what it is when she has simply turned it off.
 *
 * @param partnerSide whether the viewer is the partner, who sends the signals
 * @param linked whether the viewer has a partner linked and both answered the intake
 * @param mine whether the viewer turned it on
 * @param theirs whether the partner turned it on, as the viewer may know it (never on for
 * him during her pause)
 * @param active whether she can send a signal now: both turned it on and nothing holds
 * words back
 * @param pausedByMe whether it is off because of her own safety answers (only she is
 * told)
 * @param myList what the viewer wrote: for her what helps, for him what he can offer
 * @param theirList what the partner wrote, while shown to the viewer
 * @param signals the signals, newest first, as the viewer may see them
 * @param figures the count and the "helped" share, while there is a link to count on
 */
public record ReassuranceView(boolean partnerSide, boolean linked, boolean mine, boolean theirs, boolean active,
		boolean pausedByMe, List<Item> myList, List<Item> theirList, List<QuietSignal> signals,
		@Nullable ReassuranceFigures figures) {

	public ReassuranceView {
		myList = List.copyOf(myList);
		theirList = List.copyOf(theirList);
		signals = List.copyOf(signals);
	}

	/** The signals not yet answered by the viewer, for "did it help?". */
	public List<QuietSignal> toAnswer() {
		return this.signals.stream()
			.filter((s) -> (this.partnerSide ? s.partnersAnswer() : s.clientsAnswer()) == null)
			.limit(ReassuranceManagement.SHOWN)
			.toList();
	}

	/**
	 * One line of a reassurance list.
	 *
	 * @param id the line
	 * @param words what it says
	 */
	public record Item(UUID id, String words) {
	}

}
