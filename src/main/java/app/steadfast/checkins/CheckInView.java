package app.steadfast.checkins;

import java.time.Instant;
import java.util.List;

import app.steadfast.shared.AccountId;

/**
 * A check-in as its owner, or someone he shares with, sees it.
 *
 * @param id the check-in
 * @param owner whose it is
 * @param words its words, primary first
 * @param family the primary word's family
 * @param intensity 1 to 10, or {@code null} when recorded in the moment without one
 * @param body where it sat in the body
 * @param trigger what set it off, if written
 * @param response what he did with it, if chosen
 * @param responseNote more on what he did, if written
 * @param occurredAt when he felt it
 * @param inTheMoment whether it came from the quick "name it before you answer" flow
 */
public record CheckInView(CheckInId id, AccountId owner, List<String> words, String family, Integer intensity,
		BodyLocation body, String trigger, Response response, String responseNote, Instant occurredAt,
		boolean inTheMoment) {

	/** The primary feeling. */
	public String primary() {
		return this.words.get(0);
	}

}
