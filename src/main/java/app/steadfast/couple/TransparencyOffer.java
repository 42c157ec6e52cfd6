package app.steadfast.couple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * His transparency offer: voluntary, time-limited or until reviewed, never about
 * location, messages or devices (the product has no such features).
 *
 * @param id the offer
 * @param offer what he offers to share, in his words
 * @param until the end date, or {@code null} for "until we review it"
 * @param createdAt when he made it
 */
public record TransparencyOffer(UUID id, String offer, LocalDate until, Instant createdAt) {
}
