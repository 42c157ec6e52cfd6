package app.steadfast.shared;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PostboxTests {

	@TempDir
	Path folder;

	private Postbox postbox(Clock clock) {
		DefaultListableBeanFactory noSmtp = new DefaultListableBeanFactory();
		return new Postbox(noSmtp.getBeanProvider(JavaMailSender.class),
				new Postbox.MailSettings(this.folder.resolve("outbox").toString(), "Steadfast <no-reply@localhost>"),
				clock, PracticeSettings
					.configuredOnly(new Practice("Test practice", "http://localhost", ZoneOffset.UTC, "en-US")));
	}

	@Test
	void withoutAnSmtpServerMailIsKeptAsEmlFilesAndListedNewestFirst() throws Exception {
		Postbox first = postbox(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
		first.send(new Mail("him@example.org", "Reset your password", "Your link: http://x/accounts/reset?token=abc"));
		Postbox later = postbox(Clock.fixed(Instant.parse("2026-11-27T11:00:00Z"), ZoneOffset.UTC));
		later.send(new Mail("them@example.org", "Welcome", "Hello"));

		assertThat(later.keepsMailLocally()).isTrue();
		try (var files = Files.list(this.folder.resolve("outbox"))) {
			assertThat(files.filter((f) -> f.toString().endsWith(".eml")).count()).isEqualTo(2);
		}
		List<OutboxMessage> messages = later.outbox();
		assertThat(messages).extracting(OutboxMessage::subject).containsExactly("Welcome", "Reset your password");
		assertThat(messages.get(1).to()).isEqualTo("him@example.org");
		assertThat(later.outboxMessage(messages.get(1).name())).contains(messages.get(1));
		// The link is in the owner's file, never in what the admin is shown.
		assertThat(Files.readString(this.folder.resolve("outbox").resolve(messages.get(1).name())))
			.contains("/accounts/reset?token=abc");
		assertThat(messages.get(1).toString()).doesNotContain("token=abc");
	}

	@Test
	void mailKeptInTheOutboxIsReadableByTheAccountRunningTheAppOnly() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
				"permissions are POSIX ones");
		postbox(Clock.systemUTC())
			.send(new Mail("him@example.org", "Reset your password", "Your link: http://x/accounts/reset?token=abc"));
		Path outbox = this.folder.resolve("outbox");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox))).isEqualTo("rwx------");
		try (var files = Files.list(outbox)) {
			assertThat(files.toList()).singleElement()
				.satisfies((file) -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
					.isEqualTo("rw-------"));
		}
	}

	@Test
	void onlyOutboxFileNamesOpenAMessage() {
		Postbox postbox = postbox(Clock.systemUTC());
		assertThat(postbox.outboxMessage("../keyset.json")).isEmpty();
		assertThat(postbox.outboxMessage("20261127T100000000Z-00000000-0000-0000-0000-000000000000.eml")).isEmpty();
		assertThat(postbox.outbox()).isEmpty();
	}

}
