package app.steadfast.proof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Recurrence;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 6 of the proof, second half: a ciphertext moved from one man's row to another's
 * (same column) fails closed. His page says it could not be opened, shows neither text,
 * carries no stack trace, and the log has an error that names the table but holds no
 * text.
 */
@SteadfastTest
@ExtendWith(OutputCaptureExtension.class)
class CiphertextSwapTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService details;

	@Autowired
	JournalManagement journal;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	ConversationManagement conversations;

	/** One column: how to write a row for a man, and the pages that show it to him. */
	interface Column {

		String table();

		String column();

		UUID write(Person owner, String text);

		List<String> pages(UUID id);

	}

	@Test
	void aCiphertextSwappedBetweenTwoMensRowsFailsClosed(CapturedOutput output) throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person other = people.client();
		List<Column> columns = List.of(
				column("journal_entry", "body", (p, t) -> this.journal.write(p.id(), null, t).id(), (
						id) -> List.of("/checkins/journal/" + id + "/edit", "/checkins/journal")),
				column("check_in", "trigger_text",
						(p, t) -> this.checkIns.record(p.id(),
								new CheckInDetails(List.of("shame"), 5, BodyLocation.CHEST, t, null, null,
										Instant.now().minusSeconds(300)),
								false)
							.id()
							.value(),
						(id) -> List.of("/checkins/" + id + "/edit", "/checkins")),
				column("commitment", "title",
						(p, t) -> this.commitments
							.create(p.id(), new CommitmentDetails(t, null, Recurrence.DAILY, Set.of(), null, null))
							.value(),
						(id) -> List.of("/commitments/" + id + "/edit", "/commitments")),
				column("conversation_log", "helped", (p, t) -> this.conversations
					.log(p.id(),
							new TalkDetails(null, "Topic " + UUID.randomUUID().toString().substring(0, 6), null,
									LocalDate.now().minusDays(1), 3, Escalation.NO, BreakTaken.NO, t, null, false))
					.id()
					.value(), (id) -> List.of("/conversations/talks/" + id)));
		List<String> problems = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		int pages = 0;
		for (Column column : columns) {
			String his = "His words " + UUID.randomUUID();
			String theirs = "Other words " + UUID.randomUUID();
			texts.addAll(List.of(his, theirs));
			UUID mine = column.write(him, his);
			UUID foreign = column.write(other, theirs);
			swap(column, mine, foreign);
			for (String page : column.pages(mine)) {
				MockHttpServletResponse response = this.mvc
					.perform(MockMvcRequestBuilders.get(page).with(people.signedIn(him)))
					.getResponse();
				String html = response.getContentAsString();
				pages++;
				if (html.contains(theirs) || html.contains(his)) {
					problems.add(page + " showed a text after the swap");
				}
				if (!html.contains("This could not be opened")) {
					problems.add(page + " answered " + response.getStatus() + " without the notice");
				}
				if (html.contains("Exception") || html.contains("at app.steadfast")) {
					problems.add(page + " showed a stack trace");
				}
			}
		}
		String log = output.getAll();
		System.out.printf("Ciphertext swaps: %d columns, %d pages checked%n", columns.size(), pages);
		assertThat(problems).isEmpty();
		assertThat(log).contains("A stored record could not be opened", "journal_entry", "check_in", "commitment",
				"conversation_log");
		assertThat(texts).noneMatch(log::contains);
	}

	private void swap(Column column, UUID a, UUID b) {
		String select = "SELECT " + column.column() + " FROM " + column.table() + " WHERE id = :id";
		String first = this.jdbc.sql(select).param("id", a).query(String.class).single();
		String second = this.jdbc.sql(select).param("id", b).query(String.class).single();
		String update = "UPDATE " + column.table() + " SET " + column.column() + " = :v WHERE id = :id";
		this.jdbc.sql(update).param("v", second).param("id", a).update();
		this.jdbc.sql(update).param("v", first).param("id", b).update();
	}

	interface Writer {

		UUID write(Person owner, String text);

	}

	interface Pages {

		List<String> of(UUID id);

	}

	private static Column column(String table, String name, Writer writer, Pages pages) {
		return new Column() {

			@Override
			public String table() {
				return table;
			}

			@Override
			public String column() {
				return name;
			}

			@Override
			public UUID write(Person owner, String text) {
				return writer.write(owner, text);
			}

			@Override
			public List<String> pages(UUID id) {
				return pages.of(id);
			}
		};
	}

}
