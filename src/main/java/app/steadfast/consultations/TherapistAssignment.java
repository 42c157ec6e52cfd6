package app.steadfast.consultations;

import java.time.Instant;

import app.steadfast.shared.AccountId;

/**
 * A client works with a therapist of the practice, since a given moment. A client has at
 * most one at a time.
 *
 * @param client the client's account
 * @param therapist the therapist's account
 * @param since when the link was made
 */
public record TherapistAssignment(AccountId client, AccountId therapist, Instant since) {
}
