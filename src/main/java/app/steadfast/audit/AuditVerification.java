package app.steadfast.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the chain.
 *
 * @param intact whether every row matches its hash and follows the one before
 * @param rows how many rows were checked
 * @param firstBrokenSeq the first position where the chain breaks, if it does
 * @param problem what is wrong there, in words
 */
public record AuditVerification(boolean intact, long rows, @Nullable Long firstBrokenSeq, @Nullable String problem) {
}
