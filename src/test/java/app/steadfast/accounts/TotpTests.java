package app.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authenticator-app codes against RFC 6238's own test vectors (appendix B, SHA-1),
 * and the window, replay and base32 rules around them.
 */
class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		long[] times = { 59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L };
		String[] codes = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
		for (int i = 0; i < times.length; i++) {
			assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(times[i])), 8)).as("T=" + times[i])
				.isEqualTo(codes[i]);
			// Six digits are the last six of the eight.
			assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(times[i]))).isEqualTo(codes[i].substring(2));
		}
	}

	@Test
	void acceptsOneStepEitherSideAndNoMore() {
		Instant now = Instant.ofEpochSecond(1234567890L);
		long step = Totp.step(now);
		for (long offset = -1; offset <= 1; offset++) {
			String code = Totp.code(RFC_SECRET, step + offset, 6);
			assertThat(Totp.matchingStep(RFC_SECRET, code, now, 0)).hasValue(step + offset);
		}
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, 0)).isEmpty();
	}

	@Test
	void aCodeWorksOnceAndNothingButSixDigitsIsACode() {
		Instant now = Instant.ofEpochSecond(1234567890L);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step, 6);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now, 0))
			.hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, "", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345a", now, 0)).isEmpty();
	}

	@Test
	void base32RoundTripsAndMatchesRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.fromBase32("MZXW 6YTB OI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.grouped("GEZDGNBVGY3TQOJQ")).isEqualTo("GEZD GNBV GY3T QOJQ");
	}

}
