package app.steadfast.audit;

import java.nio.file.Files;
import java.util.UUID;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the scheduled check finds the chain behind its anchor, every admin gets one email
 * that says to look and nothing else, and the admin's audit page shows the break and the
 * anchor.
 */
@SteadfastTest
@FreshDatabase
class AuditAlarmTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	AuditLog log;

	@Autowired
	AuditChainCheck check;

	@Autowired
	AuditAnchors anchors;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	MockMvcTester mvc;

	@Test
	void adminsAreEmailedOnceWithoutAnythingFromTheLogAndThePageShowsTheBreakAndTheAnchor() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person client = people.client();
		UUID therapist = UUID.randomUUID();
		this.log.record(AuditEntry.read(therapist, client.id().value(), "JOURNAL", "entry-4711", "THERAPIST"));
		this.log.record(new AuditEntry(AuditAction.RECORD_READ, therapist, client.id().value(), "CHECKINS",
				"checkin-815", "BREAK_GLASS", "198.51.100.7"));
		AuditChain.Checked anchored = this.check.run();
		assertThat(anchored.verification().intact()).isTrue();
		long newest = anchored.anchored().seq();

		// The newest row removed and the head moved back to the row before.
		String before = this.jdbc.sql("SELECT hash FROM audit_event WHERE seq = :seq")
			.param("seq", newest - 1)
			.query(String.class)
			.single();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", newest).update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash")
			.param("seq", newest - 1)
			.param("hash", before)
			.update();
		assertThat(this.check.run().verification().intact()).isFalse();
		this.check.run();

		assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(admin.email());
		assertThat(mails).hasSize(1);
		String body = GreenMailUtil.getBody(mails[0]);
		assertThat(mails[0].getSubject()).isEqualTo("The audit log needs a look");
		assertThat(body).contains("/admin/audit");
		// Nothing of the log: no person, no record, no kind of data, no reason, no
		// address, no row, no hash, not the problem's words (every test account is called
		// "Test client", so the greeting names the admin that way).
		assertThat(body).doesNotContain(client.id().value().toString(), therapist.toString(), client.email(), "JOURNAL",
				"CHECKINS", "entry-4711", "checkin-815", "THERAPIST", "BREAK_GLASS", "198.51.100.7", before,
				anchored.anchored().hash(), "row " + newest, "anchored");
		assertThat(smtp.getReceivedMessages()).as("only admins are told").hasSize(1);

		String page = this.mvc.get()
			.uri("/admin/audit")
			.with(people.signedIn(admin))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The chain is broken")
			.contains("Row " + newest + " was copied outside the database")
			.contains(anchored.anchored().hash());
		assertThat(Files.readAllLines(this.anchors.file())).hasSize(1);
	}

}
