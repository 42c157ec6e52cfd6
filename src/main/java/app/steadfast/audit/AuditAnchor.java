package app.steadfast.audit;

import java.time.Instant;

/**
 * The head of the audit chain as it was written down outside the database at one moment:
 * a copy the database cannot change.
 *
 * @param at when it was written down
 * @param seq the newest row then
 * @param hash that row's hash
 * @param legacyUntil the last row written before the chain was keyed
 */
public record AuditAnchor(Instant at, long seq, String hash, long legacyUntil) {
}
