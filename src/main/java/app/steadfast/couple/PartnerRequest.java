package app.steadfast.couple;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the partner asked of him.
 *
 * @param id the request
 * @param menuItem the menu item, or {@code null} when in her own words only
 * @param ownWords her own words, or {@code null}
 * @param createdAt when she sent it (for one held by her safety pause, when she wrote it;
 * it is sent, and dated, when the pause ends)
 * @param held whether she wrote it during her safety pause and it waits to be sent when
 * the pause ends (only she is ever shown such a request)
 */
public record PartnerRequest(UUID id, RequestMenu menuItem, String ownWords, Instant createdAt, boolean held) {

	/** The request as shown. */
	public String text() {
		return (this.ownWords != null) ? this.ownWords : this.menuItem.text();
	}

}
