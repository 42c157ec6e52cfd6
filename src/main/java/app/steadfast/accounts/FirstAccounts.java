package app.steadfast.accounts;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import app.steadfast.shared.PrivateFiles;
import app.steadfast.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Accounts that exist before anyone signs up: the first admin from configuration
 * ({@code steadfast.admin.*}), and with the demo profile one account per role, whose
 * passwords are generated at first start, printed in the log and written to
 * {@code ./data/demo-accounts.txt}. Outside the demo profile there are no default
 * credentials.
 */
@Component
@EnableConfigurationProperties({ FirstAccounts.AdminSettings.class, FirstAccounts.DemoSettings.class })
class FirstAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

	@ConfigurationProperties("steadfast.admin")
	record AdminSettings(String email, String name, String password) {
	}

	@ConfigurationProperties("steadfast.demo")
	record DemoSettings(boolean enabled, String accountsFile) {
	}

	private final AccountManagement accounts;

	private final Accounts store;

	private final AdminSettings admin;

	private final DemoSettings demo;

	FirstAccounts(AccountManagement accounts, Accounts store, AdminSettings admin, DemoSettings demo) {
		this.accounts = accounts;
		this.store = store;
		this.admin = admin;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.admin.email()) && StringUtils.hasText(this.admin.password())
				&& !this.accounts.adminExists()) {
			this.accounts.createFirstAdmin(this.admin.email(),
					StringUtils.hasText(this.admin.name()) ? this.admin.name() : "Practice admin",
					this.admin.password());
			log.info("The first admin account was created from configuration (steadfast.admin.email).");
		}
		if (this.demo.enabled() && this.store.count() == 0) {
			seedDemo();
		}
	}

	private void seedDemo() {
		record Demo(String email, String name, Role role) {
		}
		List<Demo> people = List.of(new Demo("admin@madrega.example", "Dana (admin)", Role.ADMIN),
				new Demo("therapist@madrega.example", "Sam Okafor", Role.THERAPIST),
				new Demo("client@madrega.example", "Marcus", Role.CLIENT),
				new Demo("partner@madrega.example", "Jordan", Role.PARTNER));
		List<String> lines = new ArrayList<>();
		lines.add("Steadfast demo accounts (demo profile only; passwords generated at first start)");
		List<String> apps = new ArrayList<>();
		for (Demo person : people) {
			String password = generatedPassword();
			Person created = this.accounts.createPrepared(person.email(), person.name(), password, person.role());
			lines.add(String.format("  %-9s %-28s %s", person.role(), person.email(), password));
			if (person.role() == Role.THERAPIST || person.role() == Role.ADMIN) {
				// Staff sign in with two factors: an authenticator app already set up,
				// whose secret a person adds to his own app (or reads codes from with
				// any TOTP tool).
				byte[] bytes = new byte[20];
				new SecureRandom().nextBytes(bytes);
				String secret = Totp.base32(bytes);
				this.accounts.prepareAuthenticator(created.id(), secret);
				apps.add(String.format("  %-28s secret %s", person.email(), Totp.grouped(secret)));
				apps.add("    " + SecondFactorController.otpauth("Steadfast demo", person.email(), secret));
			}
		}
		lines.add("Staff sign in with a second step: add the secret below to an authenticator app");
		lines.add("(or open the otpauth:// address with one), then type the 6-digit code it shows.");
		lines.addAll(apps);
		String report = String.join(System.lineSeparator(), lines);
		log.info("{}{}", System.lineSeparator(), report);
		Path file = Path
			.of(StringUtils.hasText(this.demo.accountsFile()) ? this.demo.accountsFile() : "./data/demo-accounts.txt");
		// Passwords and authenticator secrets: readable by the account running the app
		// only.
		PrivateFiles.write(file, report + System.lineSeparator());
	}

	private static String generatedPassword() {
		String letters = "abcdefghjkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(letters.charAt(random.nextInt(letters.length())));
		}
		return password.toString();
	}

}
