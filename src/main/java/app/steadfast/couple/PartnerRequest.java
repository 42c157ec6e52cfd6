package app.steadfast.couple;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the partner asked of him.
 *
 * @param id the request
 * @param menuItem the menu item, or {@code null} when in her own words only
 * @param ownWords her own words, or {@code null}
 * @param createdAt when she sent it
 */
public record PartnerRequest(UUID id, RequestMenu menuItem, String ownWords, Instant createdAt) {

	/** The request as shown. */
	public String text() {
		return (this.ownWords != null) ? this.ownWords : this.menuItem.text();
	}

}
