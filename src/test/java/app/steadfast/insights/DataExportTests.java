package app.steadfast.insights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementPart;
import app.steadfast.shared.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * His export holds every record he has (counted against the database), in JSON and CSV,
 * and nothing of anyone else's.
 */
@SteadfastTest
class DataExportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	JournalManagement journal;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	ConversationManagement conversations;

	@Autowired
	StatementManagement statements;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void hisExportHoldsEveryRecordOfHisAndNoneOfAnyoneElse() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person other = people.client();
		for (Person person : List.of(him, other)) {
			String mark = (person == him) ? "mine" : "NOT-HIS-" + person.id().value();
			for (int i = 0; i < 3; i++) {
				this.checkIns.record(person.id(),
						new CheckInDetails(List.of("hurt"), 4 + i, BodyLocation.CHEST,
								"A trigger, with a comma and \"quotes\"\nand a new line " + mark, null, null,
								Instant.now().minusSeconds(3600L * (i + 1))),
						false);
			}
			this.journal.write(person.id(), null, "Journal words " + mark);
			CommitmentId id = this.commitments.create(person.id(), new CommitmentDetails("Phone away at dinner " + mark,
					null, Recurrence.DAILY, Set.of(), null, null));
			this.commitments.record(person.id(), id, this.accounts.today(person.id()), Outcome.KEPT, "Note " + mark,
					null);
			this.conversations.log(person.id(), new TalkDetails(null, "Money " + mark, null,
					LocalDate.now().minusDays(1), 3, Escalation.NO, BreakTaken.NO, "What helped " + mark, null, false));
			this.statements.save(person.id(), null, Map.of(StatementPart.WHAT_HAPPENED, "I lied to you " + mark));
		}

		MvcTestResult result = this.mvc.get().uri("/insights/export").with(people.signedIn(him)).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/zip");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment");
		Map<String, byte[]> files = unzip(result.getResponse().getContentAsByteArray());
		assertThat(files).containsKeys("README.txt", "checkins.json", "checkins.csv", "journal.json",
				"commitments.json", "commitment_days.json", "conversation_talks.json", "statement_versions.json",
				"account.json", "pulse.json");

		assertThat(rows(files, "checkins")).hasSize(count("SELECT COUNT(*) FROM check_in WHERE owner_id = :me", him));
		assertThat(rows(files, "journal"))
			.hasSize(count("SELECT COUNT(*) FROM journal_entry WHERE owner_id = :me", him));
		assertThat(rows(files, "commitments"))
			.hasSize(count("SELECT COUNT(*) FROM commitment WHERE owner_id = :me", him));
		assertThat(rows(files, "commitment_days")).hasSize(count(
				"SELECT COUNT(*) FROM commitment_occurrence o JOIN commitment c ON c.id = o.commitment_id WHERE c.owner_id = :me",
				him));
		assertThat(rows(files, "conversation_talks"))
			.hasSize(count("SELECT COUNT(*) FROM conversation_log WHERE owner_id = :me", him));
		assertThat(rows(files, "account")).singleElement()
			.satisfies((account) -> assertThat(account.get("email").asString()).isEqualTo(him.email()));

		String everything = files.values()
			.stream()
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
			.reduce("", String::concat);
		assertThat(everything).contains("I lied to you mine", "Journal words mine", "What helped mine", "Note mine")
			.doesNotContain("NOT-HIS-", other.email())
			.doesNotContainIgnoringCase("password");

		// The CSV reads back with its commas, quotes and line breaks intact.
		try (CSVParser csv = CSVParser.parse(new String(files.get("checkins.csv"), StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder().setHeader().get())) {
			List<CSVRecord> records = csv.getRecords();
			assertThat(records).hasSize(3);
			assertThat(records.get(0).get("trigger"))
				.isEqualTo("A trigger, with a comma and \"quotes\"\nand a new line mine");
		}
	}

	@Test
	void onlyClientsAndPartnersExportAndOnlyTheirOwn() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		assertThat(this.mvc.get().uri("/insights/export")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/insights/export").with(people.signedIn(people.withRole(Role.THERAPIST))))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/insights/export").with(people.signedIn(people.withRole(Role.ADMIN))))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/insights/data").with(people.signedIn(people.withRole(Role.PARTNER))))
			.hasStatusOk()
			.bodyText()
			.contains("Download all my data");
	}

	private List<JsonNode> rows(Map<String, byte[]> files, String table) {
		JsonNode array = this.json.readTree(files.get(table + ".json"));
		return array.valueStream().toList();
	}

	private int count(String sql, Person person) {
		return this.jdbc.sql(sql).param("me", person.id().value()).query(Integer.class).single();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

}
