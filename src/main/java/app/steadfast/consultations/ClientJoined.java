package app.steadfast.consultations;

import app.steadfast.accounts.AccountId;

/**
 * Someone who asked for a consultation created his client account through the practice's
 * invitation, and now works with his therapist.
 *
 * @param consultation the request he started from
 * @param client his new account
 * @param therapist his therapist
 */
public record ClientJoined(ConsultationId consultation, AccountId client, AccountId therapist) {
}
