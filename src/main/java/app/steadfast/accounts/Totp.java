package app.steadfast.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second
 * steps, 6 digits, and a code accepted one step either side of now so a phone clock a
 * little off still works.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** The time step an instant falls in. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for one step, with the given number of digits. */
	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulo = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The 6-digit code for the step of an instant. */
	static String code(byte[] secret, Instant at) {
		return code(secret, step(at), DIGITS);
	}

	/**
	 * The step a code matches, within one step of now and after the last step used; empty
	 * when it matches none.
	 */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		String typed = (code != null) ? code.replaceAll("\\s", "") : "";
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			// Constant time: a timing difference says nothing about how close a guess
			// was.
			boolean equal = MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(), typed.getBytes());
			if (equal && step > lastUsedStep) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** RFC 4648 base32 without padding, as authenticator apps expect. */
	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] fromBase32(String text) {
		String clean = text.replaceAll("[\\s=-]", "").toUpperCase(java.util.Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	/** The secret in groups of four, easier to type by hand. */
	static String grouped(String base32) {
		return base32.replaceAll("(.{4})(?!$)", "$1 ");
	}

}
