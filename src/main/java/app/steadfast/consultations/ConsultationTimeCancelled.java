package app.steadfast.consultations;

import java.time.Instant;

/**
 * The booked time of a free consultation was cancelled (by its therapist): the request
 * waits in the triage inbox again for another time. Within the module, in the same
 * transaction as the cancellation.
 *
 * @param consultation the request
 * @param start the time that was cancelled
 * @param at when
 */
record ConsultationTimeCancelled(ConsultationId consultation, Instant start, Instant at) {
}
