package app.steadfast.consultations;

import java.time.Instant;

/**
 * Someone asked for a free consultation through the public form.
 *
 * @param consultation the new request
 * @param receivedAt when it arrived
 */
public record ConsultationRequested(ConsultationId consultation, Instant receivedAt) {
}
