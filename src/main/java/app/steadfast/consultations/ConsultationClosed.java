package app.steadfast.consultations;

/**
 * Staff closed a request.
 *
 * @param consultation the request
 * @param reason why
 */
public record ConsultationClosed(ConsultationId consultation, CloseReason reason) {
}
