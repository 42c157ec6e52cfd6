package app.steadfast;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The clock of every test application context (found by scanning the test classes): the
 * real time until a test {@link #set sets} a moment, then that moment until it
 * {@link #reset resets} it. A test that sets it resets it afterwards, since contexts are
 * shared. Under the demo profile the demo's own clock (which dates the demo history on
 * its writing thread) is the primary one instead, so its tests read the real time.
 */
@Component
@Primary
@Profile("!demo")
public class TestClock extends Clock {

	private final AtomicReference<Instant> fixed;

	private final ZoneId zone;

	TestClock() {
		this(new AtomicReference<>(), ZoneOffset.UTC);
	}

	private TestClock(AtomicReference<Instant> fixed, ZoneId zone) {
		this.fixed = fixed;
		this.zone = zone;
	}

	/** From now on the application reads this moment. */
	public void set(Instant moment) {
		this.fixed.set(moment);
	}

	/** Back to the real time. */
	public void reset() {
		this.fixed.set(null);
	}

	@Override
	public Instant instant() {
		Instant moment = this.fixed.get();
		return (moment != null) ? moment : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId newZone) {
		return new TestClock(this.fixed, newZone);
	}

}
