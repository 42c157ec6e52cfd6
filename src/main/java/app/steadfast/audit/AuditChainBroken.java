package app.steadfast.audit;

/**
 * The scheduled check found the audit chain broken, or behind its anchor, for the first
 * time in this way. Carries where, never what: admins are told to look, not told what the
 * rows hold.
 *
 * @param firstBrokenSeq the first row that cannot be trusted
 */
public record AuditChainBroken(long firstBrokenSeq) {
}
