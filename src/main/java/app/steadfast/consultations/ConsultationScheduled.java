package app.steadfast.consultations;

import java.time.Instant;

import app.steadfast.accounts.AccountId;

/**
 * Staff set (or moved) the time of a free consultation and sent the calendar invitation.
 *
 * @param consultation the request
 * @param therapist who will hold it
 * @param startsAt when it starts
 */
public record ConsultationScheduled(ConsultationId consultation, AccountId therapist, Instant startsAt) {
}
