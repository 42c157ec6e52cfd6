package app.steadfast.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import app.steadfast.TestPeople;

/**
 * The demo accounts file a start with the demo profile writes, read as a newcomer reads
 * it: each person's password, and each staff member's authenticator secret.
 */
public final class DemoAccounts {

	/**
	 * The property that has the file written under target/ for one test class (each demo
	 * context writes passwords of its own).
	 */
	public static final String PROPERTY = "steadfast.demo.accounts-file=target/test-data/demo-accounts-";

	public static final String CLIENT = DemoWorld.CLIENT;

	public static final String PARTNER = DemoWorld.PARTNER;

	public static final String THERAPIST = DemoWorld.THERAPIST;

	public static final String ADMIN = DemoWorld.ADMIN;

	private final Path file;

	private DemoAccounts(Path file) {
		this.file = file;
	}

	/** The file of the test class whose property ends in this name. */
	public static DemoAccounts of(String name) {
		return new DemoAccounts(Path.of(PROPERTY.substring(PROPERTY.indexOf('=') + 1) + name));
	}

	/** The password the start generated for this person. */
	public String password(String email) {
		String line = lines().stream()
			.filter((l) -> l.contains(email) && !l.contains("secret") && !l.contains("otpauth"))
			.findFirst()
			.orElseThrow();
		return line.substring(line.lastIndexOf(' ') + 1);
	}

	/** The code a staff member's authenticator app shows now. */
	public String code(String email) {
		String line = lines().stream()
			.filter((l) -> l.contains(email) && l.contains("secret"))
			.findFirst()
			.orElseThrow();
		String secret = line.substring(line.indexOf("secret") + 7).replace(" ", "");
		return TestPeople.totpCode(secret, Instant.now().getEpochSecond() / 30);
	}

	private List<String> lines() {
		try {
			return Files.readAllLines(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
