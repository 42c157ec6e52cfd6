package app.steadfast.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the log as it was written.
 *
 * @param seq its position in the chain, from 1 without gaps
 * @param occurredAt when it was written
 * @param action what happened
 * @param actorId who did it
 * @param subjectId whose data or account it concerned
 * @param category the kind of data
 * @param recordRef which record
 * @param reason why it was allowed
 * @param address the network address
 * @param prevHash the hash of the row before
 * @param hash this row's hash
 */
public record AuditRecord(long seq, Instant occurredAt, AuditAction action, UUID actorId, UUID subjectId,
		String category, String recordRef, String reason, String address, String prevHash, String hash) {
}
