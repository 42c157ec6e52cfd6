package app.steadfast.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of the demo profile: the real time for every request and job, except on the
 * thread writing the demo's history, where it reads the moment being written. The modules
 * date what they write from the clock and several refuse the past (a commitment starts
 * today, a pulse is this week's), so this lets that history go through their APIs as each
 * of those days would have written it.
 */
final class DemoClock extends Clock {

	private final Clock real;

	private final ThreadLocal<Instant> writing;

	DemoClock(Clock real) {
		this(real, new ThreadLocal<>());
	}

	private DemoClock(Clock real, ThreadLocal<Instant> writing) {
		this.real = real;
		this.writing = writing;
	}

	/** From now on, on this thread only, the clock reads the given moment. */
	void writeAt(Instant moment) {
		this.writing.set(moment);
	}

	/** This thread reads the real time again. */
	void backToNow() {
		this.writing.remove();
	}

	@Override
	public ZoneId getZone() {
		return this.real.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		// The same moment on the writing thread, whatever zone a module reads it in.
		return new DemoClock(this.real.withZone(zone), this.writing);
	}

	@Override
	public Instant instant() {
		Instant moment = this.writing.get();
		return (moment != null) ? moment : this.real.instant();
	}

}
