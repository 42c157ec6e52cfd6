package app.steadfast.consultations;

import java.time.Instant;

/**
 * One network address sent as many requests as the window allows; it may send again at
 * the given moment.
 */
class RequestLimitReached extends RuntimeException {

	private final Instant until;

	RequestLimitReached(Instant until) {
		super("request limit reached", null, false, false);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
