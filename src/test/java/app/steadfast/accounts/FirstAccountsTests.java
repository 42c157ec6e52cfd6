package app.steadfast.accounts;

import java.nio.file.Files;
import java.nio.file.Path;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts that exist before anyone signs up: demo accounts (only into an empty database)
 * and the first admin from configuration (only while there is none).
 */
@FreshDatabase
@SteadfastTest
class FirstAccountsTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	Accounts store;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SecondFactors factors;

	@Test
	void demoAccountsAreSeededOnceAndTheConfiguredAdminOnlyWhenThereIsNone(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("demo-accounts.txt");
		FirstAccounts.DemoSettings demo = new FirstAccounts.DemoSettings(true, file.toString());
		FirstAccounts.AdminSettings noAdmin = new FirstAccounts.AdminSettings(null, null, null);

		new FirstAccounts(this.accounts, this.store, noAdmin, demo).run(null);
		assertThat(this.store.findAll()).extracting(Account::role)
			.containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST, Role.CLIENT, Role.PARTNER);
		String written = Files.readString(file);
		assertThat(written).contains("client@madrega.example", "partner@madrega.example");

		// The printed password signs in.
		String line = written.lines().filter((l) -> l.contains("client@madrega.example")).findFirst().orElseThrow();
		String password = line.substring(line.lastIndexOf(' ') + 1);
		assertThat(this.accounts.passwordProblem(password)).isEmpty();
		assertThat(new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 1 << 14, 2).matches(
				password,
				this.store.findByEmail("client@madrega.example").orElseThrow().passwordHash().replace("{argon2}", "")))
			.isTrue();

		// Demo staff have an authenticator app; its secret in the file gives codes that
		// work.
		String secretLine = written.lines()
			.filter((l) -> l.contains("therapist@madrega.example") && l.contains("secret"))
			.findFirst()
			.orElseThrow();
		String secret = secretLine.substring(secretLine.indexOf("secret") + 7).replace(" ", "");
		assertThat(written).contains("otpauth://totp/");
		java.util.UUID therapist = this.store.findByEmail("therapist@madrega.example").orElseThrow().uuid();
		assertThat(this.factors.secondFactorRequired(therapist, Role.THERAPIST)).isTrue();
		assertThat(this.factors.verify(therapist, Totp.code(Totp.fromBase32(secret), java.time.Instant.now()), null))
			.isEqualTo(SecondFactors.Outcome.ACCEPTED);

		new FirstAccounts(this.accounts, this.store, noAdmin, demo).run(null);
		assertThat(this.store.count()).isEqualTo(4);

		// An admin exists already, so the configured one is not created.
		new FirstAccounts(this.accounts, this.store,
				new FirstAccounts.AdminSettings("owner@madrega.example", "Owner", "configured-admin-pass"),
				new FirstAccounts.DemoSettings(false, null))
			.run(null);
		assertThat(this.accounts.findByEmail("owner@madrega.example")).isEmpty();
	}

}
