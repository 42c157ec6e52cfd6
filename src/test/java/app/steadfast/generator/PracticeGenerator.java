package app.steadfast.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import app.steadfast.library.ArticleContent;
import app.steadfast.library.ArticleId;
import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a realistic practice: therapists, clients (most with two years
 * of daily check-ins and commitment records), linked partners with their weekly pulse and
 * questions, hard conversations, statements, extra articles and consultation requests.
 * <p>
 * Everything follows from the seed (and the last day, today by default): the same seed
 * gives the same people, ids and records. The articles go through the library's API
 * ({@link ArticleManagement}), checked as an admin's would be, with the library's ids and
 * published today; everything else is written as SQL (see the package comment for why).
 * Free text is sealed with {@link Encryption} under the same binding (table, row, owner)
 * the owning module uses, so every page opens it. The progress page's kept figures
 * ({@code insight_week}) are left empty for generated people: the insights module
 * computes each completed week from the source modules the first time it is shown and
 * keeps it, exactly as after a live change. It all happens in one transaction: a run that
 * fails leaves nothing behind.
 * <p>
 * Every generated account signs in with {@link #PASSWORD}; emails are
 * {@code therapist01.s<seed>@generated.test}, {@code client0001.s<seed>@generated.test},
 * {@code partner0001.s<seed>@generated.test} (the partner of client 1) and
 * {@code admin.s<seed>@generated.test}.
 */
public class PracticeGenerator {

	/** The password every generated account signs in with. */
	public static final String PASSWORD = "steady-practice-load-2026";

	/**
	 * The authenticator-app secret (base32) of every generated therapist and admin: staff
	 * sign in with a second step, so generated staff need one. For generated load data
	 * only; add it to an authenticator app to sign in as generated staff.
	 */
	public static final String STAFF_TOTP_SECRET = "KRSXG5CTORQWMZSHMVXGK4TBORSWIMRQ";

	/** Emails of generated accounts end with this. */
	public static final String DOMAIN = "@generated.test";

	private static final int DAYS = 730;

	private static final String[] FEELING_FAMILIES_FIRST = { "shame", "fear", "hurt", "loneliness", "guilt", "sadness",
			"anger", "frustration", "numbness" };

	private static final String[] BODY = { "CHEST", "THROAT", "STOMACH", "JAW", "SHOULDERS", "HEAD", "HANDS", "NONE" };

	private static final String[] RESPONSES = { "NAMED_IT", "BREATHED", "TALKED", "WROTE", "MOVED", "ASKED_FOR_TIME",
			"WITHDREW", "SNAPPED", "DEFENDED", "NUMBED", "NOTHING_YET" };

	private static final String[] TRIGGERS = { "She asked where I'd been after work and I felt my chest tighten.",
			"A text from an old number came up on my phone at dinner.", "We drove past the hotel.",
			"She went quiet when I said I'd be late.", "My boss criticised the report in front of the team.",
			"Our son asked why Mum cries sometimes.", "She asked a question I didn't want to answer.",
			"I saw the calendar and remembered what day it was.", "She flinched when I reached for my phone.",
			"We argued about money again.", "I woke up at 4 and couldn't get back to sleep.",
			"She said thank you for the text when I left work." };

	private static final String[] RESPONSE_NOTES = { "Said it out loud: I'm ashamed. It helped a bit.",
			"Went for a walk before answering.", "I snapped and then apologised ten minutes later.",
			"Told her I needed a minute, then came back and answered.", "Wrote it down instead of stewing.",
			"Had two beers. Not proud of it.", "Called my brother." };

	private static final String[] JOURNAL = {
			"I noticed I pulled away again when she brought up the trip. I was protecting myself from feeling like the bad guy.",
			"Honesty felt risky today when she asked about the old phone. I told her the truth. It was hard and it was right.",
			"I defended my schedule when I could have just listened to what she was worried about.",
			"Kept the dinner promise every day this week. Nobody said anything, and that's fine.",
			"Under the anger was fear that she will leave anyway, whatever I do.",
			"She might have felt alone on Tuesday when I stayed late. I haven't asked yet." };

	private static final String[][] COMMITMENTS = {
			{ "Phone face up on the table at dinner", "So she doesn't have to wonder what I'm hiding." },
			{ "Text when I leave work", "Plans changing without a word was part of how I lied." },
			{ "Ask how her day was, and listen to the answer", "I want her to feel heard, not managed." },
			{ "Be home by 7 on weeknights", null }, { "Ten minutes of the breathing tool before bed", null } };

	private static final String[] TOPICS = { "Money", "The trip in March", "Phone and passwords", "Her sister",
			"Time with the kids", "Work nights", "Intimacy" };

	private static final String[] HELPED = { "I repeated back what I heard before answering.",
			"We took a break and came back after twenty minutes.", "Sitting side by side instead of across the table.",
			"I said: you're right to be angry." };

	private static final String[] QUESTIONS = { "Where were you on the Thursday before my birthday?",
			"Did you ever bring her to our house?", "Why did you keep the second phone after you promised?",
			"What did you tell your friends about us?", "How long did it go on, honestly?",
			"Do you still have her number?", "Why should I believe you now?" };

	private static final String[] ANSWERS = { "I was with her. I told you I was at the gym and that was a lie.",
			"No. Never at our house. I understand why you need to ask.",
			"Because I was afraid of what you'd find. I handed it over last week.",
			"That we were having a hard time. I didn't tell them it was my fault. It was.",
			"Seven months. I said three before, and that was a lie too." };

	private static final String[] STATEMENT = { "I had an affair for seven months and lied to you about it every day.",
			"It was my choice, made again and again. Nothing you did made me do it.",
			"I understand you stopped trusting your own memory because of how I lied. That is a harm on top of the harm.",
			"I am sorry. Not for getting caught: for what I did to you.",
			"I will answer every question you ask, keep my phone open, and see a therapist every week.",
			"Tell me what would help, and I'll do it for as long as it takes.",
			"If you ever can forgive me, I would be grateful. I won't ask you to hurry." };

	private static final String[] STATEMENT_PARTS = { "WHAT_HAPPENED", "RESPONSIBILITY", "IMPACT", "REGRET",
			"DIFFERENTLY", "REPAIR", "FORGIVENESS" };

	private static final String[] FIRST_NAMES = { "James", "Marcus", "David", "Luis", "Tom", "Kwame", "Ravi", "Ben",
			"Sam", "Noah", "Eli", "Omar", "Pete", "Jon", "Alex", "Chris", "Sean", "Dan", "Mike", "Leo" };

	private static final String[] LAST_INITIALS = "ABCDEFGHJKLMNPRSTVW".split("");

	private static final String[] ARTICLE_TAGS = { "trust", "honesty", "anger", "shame", "listening", "partners",
			"therapy", "commitments" };

	private final DataSource dataSource;

	private final PlatformTransactionManager transactions;

	private final ArticleManagement library;

	private final Encryption encryption;

	private final String passwordHash;

	private final ZoneId zone;

	private final List<String[]> vocabulary;

	/**
	 * @param dataSource where to write
	 * @param transactions the application's transactions, so that the library's API
	 * writes in the same transaction as the SQL
	 * @param library the library's API, for the articles
	 * @param encryption the deployment's encryption, so pages can open what is written
	 * @param passwordHash the stored hash of {@link #PASSWORD}, computed once by the
	 * caller with the application's password encoder
	 * @param zone the practice's time zone (check-in times and weeks)
	 */
	public PracticeGenerator(DataSource dataSource, PlatformTransactionManager transactions, ArticleManagement library,
			Encryption encryption, String passwordHash, ZoneId zone) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.library = library;
		this.encryption = encryption;
		this.passwordHash = passwordHash;
		this.zone = zone;
		this.vocabulary = vocabulary();
	}

	/**
	 * How big a practice to write. At scale 1: 10 therapists, 1,000 clients, 600 of them
	 * with a linked partner, 300 consultation requests, 40 extra articles.
	 *
	 * @param seed decides every person and record
	 * @param scale multiplies the number of clients, partners and requests (at least 1
	 * client; therapists stay at least 1)
	 * @param lastDay the last day of the history (normally yesterday, so that nothing
	 * lies in the future whatever the hour)
	 */
	public record Plan(long seed, double scale, LocalDate lastDay) {

		/** See the class comment. */
		public int therapists() {
			return Math.max(1, (int) Math.round(10 * Math.min(1.0, this.scale)));
		}

		/** See the class comment. */
		public int clients() {
			return Math.max(1, (int) Math.round(1000 * this.scale));
		}

		/** See the class comment. */
		public int consultations() {
			return Math.max(1, (int) Math.round(300 * this.scale));
		}

		/** See the class comment. */
		public int articles() {
			return Math.max(1, (int) Math.round(40 * Math.min(1.0, this.scale)));
		}

		/** See the class comment. */
		public boolean hasPartner(int client) {
			// 600 of every 1,000 clients.
			return client % 5 < 3;
		}

		/** See the class comment. */
		public String email(String role, int number) {
			String digits = role.equals("therapist") ? "%02d" : "%04d";
			return role + String.format(Locale.ROOT, digits, number) + ".s" + this.seed + DOMAIN;
		}

		/** See the class comment. */
		public String adminEmail() {
			return "admin.s" + this.seed + DOMAIN;
		}

	}

	/**
	 * What was written.
	 *
	 * @param rows rows per table
	 * @param took how long it took
	 * @param skipped true if the practice of this seed was already there (nothing
	 * written)
	 */
	public record Result(Map<String, Long> rows, Duration took, boolean skipped) {

		/** All rows written. */
		public long total() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Whether the practice of this seed is already in the database. */
	public boolean exists(Plan plan) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT COUNT(*) FROM account WHERE email = ?")) {
			statement.setString(1, plan.adminEmail());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not look for a generated practice", ex);
		}
	}

	/**
	 * Writes the practice of the plan, unless it is already there; reports progress in
	 * lines.
	 */
	public Result generate(Plan plan, Consumer<String> progress) {
		Instant started = Instant.now();
		if (exists(plan)) {
			progress.accept("The practice of seed " + plan.seed() + " is already in the database; nothing written.");
			return new Result(Map.of(), Duration.between(started, Instant.now()), true);
		}
		// The SQL goes through the transaction's own connection, which the library's API
		// joins: one commit at the end, or nothing at all.
		Map<String, Long> rows = new TransactionTemplate(this.transactions).execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				Writer writer = new Writer(connection, plan, progress);
				writer.write();
				return writer.close();
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		Duration took = Duration.between(started, Instant.now());
		progress.accept(String.format(Locale.ROOT, "Done: %,d rows in %d s.",
				rows.values().stream().mapToLong(Long::longValue).sum(), took.toSeconds()));
		return new Result(rows, took, false);
	}

	private String seal(String text, String table, Object row, Object owner) {
		return this.encryption.seal(text, EncryptionBinding.of(table, row, owner));
	}

	private static UUID uuid(SplittableRandom random) {
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private static SplittableRandom random(long seed, int kind, int index) {
		long mixed = seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
		return new SplittableRandom(mixed);
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static List<String[]> vocabulary() {
		List<String[]> words = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("content/emotion-vocabulary.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = line.split("\t");
				if (fields.length >= 2) {
					words.add(new String[] { fields[0], fields[1] });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/** One run's writing: the tables' row writers and the people made so far. */
	private final class Writer {

		private final Plan plan;

		private final Consumer<String> progress;

		private final LocalDate lastDay;

		private final Map<String, Rows> tables = new LinkedHashMap<>();

		private final Map<String, Long> throughApis = new LinkedHashMap<>();

		private final List<UUID> therapists = new ArrayList<>();

		private final Map<String, List<String>> wordsByFamily = new LinkedHashMap<>();

		Writer(Connection connection, Plan plan, Consumer<String> progress) {
			this.plan = plan;
			this.progress = progress;
			this.lastDay = plan.lastDay();
			for (String[] word : PracticeGenerator.this.vocabulary) {
				this.wordsByFamily.computeIfAbsent(word[0], (f) -> new ArrayList<>()).add(word[1]);
			}
			table(connection, "account", "id", "email", "display_name", "password_hash", "role", "created_at",
					"version");
			table(connection, "therapist_assignment", "client_id", "therapist_id", "since");
			table(connection, "totp_enrolment", "account_id", "secret", "confirmed_at", "created_at");
			table(connection, "share_grant", "id", "owner_id", "grantee_id", "category", "kind", "created_at", "paused",
					"version");
			table(connection, "couple_link", "id", "client_id", "partner_id", "linked_at");
			table(connection, "couple_intake", "account_id", "answers", "safety_pause", "answered_at");
			table(connection, "pulse_day", "account_id", "day_of_week");
			table(connection, "check_in", "id", "owner_id", "occurred_at", "intensity", "body_location", "trigger_text",
					"response", "response_text", "in_the_moment", "created_at", "updated_at", "version");
			table(connection, "check_in_word", "check_in", "check_in_key", "word");
			table(connection, "journal_entry", "id", "owner_id", "prompt", "body", "written_at", "updated_at",
					"version");
			table(connection, "commitment", "id", "owner_id", "title", "why", "recurrence", "weekdays", "start_date",
					"status", "created_at", "updated_at");
			table(connection, "commitment_occurrence", "commitment_id", "due_date", "outcome", "note",
					"what_got_in_the_way", "recorded_at");
			table(connection, "commitment_witness", "commitment_id", "due_date", "witness_id", "seen", "note",
					"seen_at");
			table(connection, "trust_pulse", "id", "account_id", "week_start", "count_on", "honest", "safe", "listened",
					"hopeful", "note", "shared", "answered_at");
			table(connection, "conversation_topic", "id", "owner_id", "name", "created_at");
			table(connection, "conversation_log", "id", "owner_id", "topic_id", "talked_on", "defensiveness",
					"escalation", "break_taken", "helped", "next_time", "resolved", "created_at");
			table(connection, "partner_question", "id", "partner_id", "client_id", "words", "importance", "status",
					"asked_at", "changed_at");
			table(connection, "question_entry", "id", "question_id", "kind", "author_id", "words", "written_at");
			table(connection, "statement", "id", "owner_id", "created_at", "updated_at");
			table(connection, "statement_version", "id", "statement_id", "number", "saved_at", "shared_with_partner_at",
					"shared_with_therapist_at");
			table(connection, "statement_part", "version_id", "part", "words");
			table(connection, "consultation", "id", "name", "email", "contact_by", "times", "topics", "message",
					"status", "close_reason", "therapist_id", "invitation_sequence", "received_at", "contacted_at",
					"version");
			table(connection, "consultation_change", "consultation_id", "kind", "actor_id", "status", "therapist_id",
					"changed_at");
		}

		private void table(Connection connection, String name, String... columns) {
			// Tables are declared parents first: before a table writes, the tables
			// declared
			// earlier write theirs, so every foreign key finds its row.
			List<Rows> earlier = new ArrayList<>(this.tables.values());
			this.tables.put(name, new Rows(connection, name, columns, () -> earlier.forEach(Rows::flush)));
		}

		private Rows rows(String table) {
			return this.tables.get(table);
		}

		Map<String, Long> close() {
			Map<String, Long> written = new LinkedHashMap<>();
			this.tables.values().forEach((rows) -> {
				rows.close();
				written.put(rows.table(), rows.written());
			});
			written.putAll(this.throughApis);
			return written;
		}

		private long written() {
			return this.tables.values().stream().mapToLong(Rows::written).sum()
					+ this.throughApis.values().stream().mapToLong(Long::longValue).sum();
		}

		private OffsetDateTime at(LocalDate day, int hour, int minute) {
			return utc(day.atTime(hour, minute).atZone(PracticeGenerator.this.zone).toInstant());
		}

		void write() {
			this.progress.accept(String.format(Locale.ROOT,
					"Generating a practice from seed %d: %d therapists, %d clients, about %d partners, %d days up to %s.",
					this.plan.seed(), this.plan.therapists(), this.plan.clients(),
					Math.round(this.plan.clients() * 0.6), DAYS, this.lastDay));
			OffsetDateTime opened = at(this.lastDay.minusDays(DAYS + 30), 9, 0);
			UUID admin = uuid(random(this.plan.seed(), 0, 0));
			account(admin, this.plan.adminEmail(), "Practice admin", "ADMIN", opened);
			for (int t = 1; t <= this.plan.therapists(); t++) {
				SplittableRandom random = random(this.plan.seed(), 1, t);
				UUID id = uuid(random);
				this.therapists.add(id);
				account(id, this.plan.email("therapist", t),
						"Dr " + pick(random, FIRST_NAMES) + " " + pick(random, LAST_INITIALS) + ".", "THERAPIST",
						opened);
			}
			articles();
			consultations();
			int clients = this.plan.clients();
			int step = Math.max(1, clients / 20);
			for (int c = 1; c <= clients; c++) {
				client(c);
				if (c % step == 0 || c == clients) {
					this.progress.accept(String.format(Locale.ROOT, "  %3d%%  %,d of %,d clients, %,d rows so far",
							c * 100 / clients, c, clients, written()));
				}
			}
		}

		private void account(UUID id, String email, String name, String role, OffsetDateTime created) {
			rows("account").add(id, email, name, PracticeGenerator.this.passwordHash, role, created, 0L);
			if ("THERAPIST".equals(role) || "ADMIN".equals(role)) {
				// Sealed as the accounts module seals an authenticator secret.
				rows("totp_enrolment").add(id, seal(STAFF_TOTP_SECRET, "totp_enrolment", id, id), created, created);
			}
		}

		private void grant(SplittableRandom random, UUID owner, UUID grantee, String category, String kind,
				OffsetDateTime at) {
			rows("share_grant").add(uuid(random), owner, grantee, category, kind, at, false, 0L);
		}

		private void client(int number) {
			SplittableRandom random = random(this.plan.seed(), 2, number);
			UUID me = uuid(random);
			// Most have two full years; a third started later.
			int days = (number % 3 == 2) ? 30 + random.nextInt(DAYS - 30) : DAYS;
			LocalDate first = this.lastDay.minusDays(days - 1);
			OffsetDateTime joined = at(first, 8, random.nextInt(60));
			account(me, this.plan.email("client", number),
					pick(random, FIRST_NAMES) + " " + pick(random, LAST_INITIALS) + ".", "CLIENT", joined);
			UUID therapist = this.therapists.get((number - 1) % this.therapists.size());
			rows("therapist_assignment").add(me, therapist, joined);
			if (number % 5 != 4) {
				for (String category : new String[] { "CHECKINS", "JOURNAL", "COMMITMENTS", "STATEMENTS",
						"CONVERSATIONS", "INSIGHTS", "RISK_ALERTS" }) {
					grant(random, me, therapist, category, "THERAPIST", joined);
				}
			}
			UUID partner = null;
			if (this.plan.hasPartner(number)) {
				partner = uuid(random);
				OffsetDateTime linked = joined.plusDays(3);
				account(partner, this.plan.email("partner", number), pick(random, FIRST_NAMES) + " (partner)",
						"PARTNER", linked);
				rows("couple_link").add(uuid(random), me, partner, linked);
				intake(me, linked, "I broke her trust and want to rebuild it.", "That we can talk without fighting.");
				intake(partner, linked, "He had an affair.", "To know whether I can trust him again.");
				// What a client can share with his partner (couple's SHAREABLE
				// categories).
				for (String category : new String[] { "CHECKINS", "COMMITMENTS", "STATEMENTS", "CONVERSATIONS",
						"PULSE" }) {
					grant(random, me, partner, category, "PARTNER", linked);
				}
				// What she writes on his records shows while she shares its category:
				// her views of his days and her pulse.
				for (String category : new String[] { "COMMITMENTS", "PULSE" }) {
					grant(random, partner, me, category, "PARTNER", linked);
				}
				rows("pulse_day").add(partner, 7);
			}
			checkIns(random, me, first);
			journal(random, me, first);
			commitments(random, me, partner, first);
			pulses(random, me, partner, first);
			talks(random, me, first);
			if (partner != null) {
				questions(random, me, partner, first);
			}
			if (number % 10 < 7) {
				statement(random, me, partner, first);
			}
		}

		private void intake(UUID person, OffsetDateTime at, String brings, String hopes) {
			String answers = String.join("|", b64(brings), b64(hopes), "NO", "NO");
			rows("couple_intake").add(person, seal(answers, "couple_intake", person, person), false, at);
		}

		private static String b64(String text) {
			return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		private String word(SplittableRandom random) {
			String family = (random.nextInt(10) < 7) ? pick(random, FEELING_FAMILIES_FIRST)
					: this.wordsByFamily.keySet()
						.stream()
						.skip(random.nextInt(this.wordsByFamily.size()))
						.findFirst()
						.orElseThrow();
			List<String> words = this.wordsByFamily.getOrDefault(family, this.wordsByFamily.get("shame"));
			return words.get(random.nextInt(words.size()));
		}

		private void checkIns(SplittableRandom random, UUID me, LocalDate first) {
			Rows checkIns = rows("check_in");
			Rows words = rows("check_in_word");
			for (LocalDate day = first; !day.isAfter(this.lastDay); day = day.plusDays(1)) {
				int roll = random.nextInt(100);
				int count = (roll < 15) ? 0 : (roll < 85) ? 1 : 2;
				for (int i = 0; i < count; i++) {
					UUID id = uuid(random);
					OffsetDateTime when = at(day, 7 + random.nextInt(15), random.nextInt(60));
					String trigger = (random.nextInt(100) < 50) ? seal(pick(random, TRIGGERS), "check_in", id, me)
							: null;
					String note = (random.nextInt(100) < 25) ? seal(pick(random, RESPONSE_NOTES), "check_in", id, me)
							: null;
					checkIns.add(id, me, when, 1 + random.nextInt(10), pick(random, BODY), trigger,
							pick(random, RESPONSES), note, random.nextInt(10) == 0, when, when, 0L);
					String word = word(random);
					words.add(id, 0, word);
					if (random.nextInt(4) == 0) {
						String second = word(random);
						if (!second.equals(word)) {
							words.add(id, 1, second);
						}
					}
				}
			}
		}

		private void journal(SplittableRandom random, UUID me, LocalDate first) {
			String[] prompts = { null, "PULLED_AWAY", "HONESTY_RISKY", "DEFENDED", "KEPT_PROMISE", "UNDERNEATH",
					"THEIR_SIDE" };
			for (LocalDate day = first.plusDays(random.nextInt(5)); !day.isAfter(this.lastDay); day = day
				.plusDays(3 + random.nextInt(6))) {
				UUID id = uuid(random);
				OffsetDateTime when = at(day, 21, random.nextInt(60));
				rows("journal_entry").add(id, me, pick(random, prompts),
						seal(pick(random, JOURNAL), "journal_entry", id, me), when, when, 0L);
			}
		}

		private void commitments(SplittableRandom random, UUID me, UUID partner, LocalDate first) {
			int count = 2 + random.nextInt(3);
			// How reliable he is: between about half and almost always.
			int keptPercent = 50 + random.nextInt(46);
			for (int k = 0; k < count; k++) {
				UUID id = uuid(random);
				String[] wording = COMMITMENTS[k];
				String recurrence = (k == 1) ? "WEEKDAYS" : (k == 3) ? "WEEKLY" : "DAILY";
				String weekdays = (k == 3) ? "1,4" : null;
				LocalDate start = first.plusDays(k * 7L);
				if (start.isAfter(this.lastDay)) {
					continue;
				}
				OffsetDateTime created = at(start, 8, 30);
				rows("commitment").add(id, me, seal(wording[0], "commitment.title", id, me),
						seal(wording[1], "commitment.why", id, me), recurrence, weekdays, start, "ACTIVE", created,
						created);
				for (LocalDate day = start; !day.isAfter(this.lastDay); day = day.plusDays(1)) {
					DayOfWeek weekday = day.getDayOfWeek();
					boolean due = switch (recurrence) {
						case "WEEKDAYS" -> weekday.getValue() <= 5;
						case "WEEKLY" -> weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.THURSDAY;
						default -> true;
					};
					if (!due || random.nextInt(100) >= 90) {
						continue;
					}
					boolean kept = random.nextInt(100) < keptPercent;
					String binding = id + "/" + day;
					String note = (!kept && random.nextInt(3) == 0)
							? seal("Stayed late and forgot.", "commitment_occurrence", binding, me) : null;
					rows("commitment_occurrence").add(id, day, kept ? "KEPT" : "MISSED", note, null,
							at(day, 21, random.nextInt(60)));
					if (partner != null && random.nextInt(100) < 15) {
						rows("commitment_witness").add(id, day, partner,
								(kept && random.nextInt(5) > 0) ? "CONFIRMED" : "SAW_DIFFERENTLY", null,
								at(day, 22, random.nextInt(60)));
					}
				}
			}
		}

		private void pulses(SplittableRandom random, UUID me, UUID partner, LocalDate first) {
			LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
			LocalDate thisMonday = this.lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			int weeks = 0;
			for (LocalDate week = monday; week.isBefore(thisMonday); week = week.plusWeeks(1)) {
				weeks++;
				// Trust grows slowly, with bad weeks.
				double trend = Math.min(6.5, 2.0 + weeks * 0.03);
				if (partner != null && random.nextInt(100) < 80) {
					pulse(random, partner, week, trend - 0.8, true);
				}
				if (random.nextInt(100) < 70) {
					pulse(random, me, week, trend + 0.5, false);
				}
			}
		}

		private void pulse(SplittableRandom random, UUID person, LocalDate week, double level, boolean shared) {
			Integer[] scores = new Integer[5];
			for (int i = 0; i < 5; i++) {
				scores[i] = (int) Math.max(1, Math.min(7, Math.round(level + random.nextGaussian())));
			}
			rows("trust_pulse").add(uuid(random), person, week, scores[0], scores[1], scores[2], scores[3], scores[4],
					null, shared, at(week.plusDays(6), 20, random.nextInt(60)));
		}

		private void talks(SplittableRandom random, UUID me, LocalDate first) {
			int topicCount = 3;
			UUID[] topics = new UUID[topicCount];
			OffsetDateTime created = at(first, 9, 0);
			for (int t = 0; t < topicCount; t++) {
				topics[t] = uuid(random);
				rows("conversation_topic").add(topics[t], me, seal(TOPICS[(t * 3 + random.nextInt(3)) % TOPICS.length],
						"conversation_topic.name", topics[t], me), created);
			}
			for (LocalDate day = first.plusDays(random.nextInt(7)); day
				.isBefore(this.lastDay); day = day.plusDays(5 + random.nextInt(12))) {
				UUID id = uuid(random);
				int escalation = random.nextInt(10);
				rows("conversation_log").add(id, me, topics[random.nextInt(topicCount)], day, 1 + random.nextInt(5),
						(escalation < 6) ? "NO" : (escalation < 9) ? "SOMEWHAT" : "BADLY",
						(random.nextInt(4) == 0) ? "CAME_BACK" : "NO",
						seal(pick(random, HELPED), "conversation_log.helped", id, me), null, random.nextInt(5) == 0,
						at(day, 22, 0));
			}
		}

		private void questions(SplittableRandom random, UUID me, UUID partner, LocalDate first) {
			for (LocalDate day = first.plusDays(5); day
				.isBefore(this.lastDay); day = day.plusDays(14 + random.nextInt(21))) {
				UUID id = uuid(random);
				OffsetDateTime asked = at(day, 20, random.nextInt(60));
				boolean answered = day.isBefore(this.lastDay.minusDays(10)) || random.nextBoolean();
				OffsetDateTime changed = answered ? asked.plusDays(1 + random.nextInt(3)) : asked;
				rows("partner_question").add(id, partner, me,
						seal(pick(random, QUESTIONS), "partner_question", id, partner),
						pick(random, new String[] { "HIGH", "MEDIUM", "LOW", null }), answered ? "ANSWERED" : "ASKED",
						asked, changed);
				if (answered) {
					UUID entry = uuid(random);
					rows("question_entry").add(entry, id, "ANSWER", me,
							seal(pick(random, ANSWERS), "question_entry", entry, me), changed);
				}
			}
		}

		private void statement(SplittableRandom random, UUID me, UUID partner, LocalDate first) {
			UUID id = uuid(random);
			OffsetDateTime created = at(first.plusDays(10), 21, 0);
			int versions = 1 + random.nextInt(3);
			rows("statement").add(id, me, created, created.plusDays(12L * (versions - 1)));
			OffsetDateTime saved = created;
			for (int v = 1; v <= versions; v++) {
				UUID version = uuid(random);
				boolean last = v == versions;
				rows("statement_version").add(version, id, v, saved,
						(last && partner != null) ? saved.plusHours(1) : null, last ? saved.plusHours(2) : null);
				for (int p = 0; p < STATEMENT_PARTS.length - ((v < versions) ? 1 : 0); p++) {
					String part = STATEMENT_PARTS[p];
					rows("statement_part").add(version, part,
							seal(STATEMENT[p], "statement_part", version + "/" + part, me));
				}
				saved = saved.plusDays(12);
			}
		}

		private void articles() {
			long tags = 0;
			for (int a = 1; a <= this.plan.articles(); a++) {
				String tag = ARTICLE_TAGS[a % ARTICLE_TAGS.length];
				String other = ARTICLE_TAGS[(a + 3) % ARTICLE_TAGS.length];
				String title = "Practice notes " + a + ": on " + tag;
				StringBuilder body = new StringBuilder("## Why this matters\n\n");
				for (int p = 0; p < 6; p++) {
					body.append(
							"Trust is rebuilt slowly, by honest and consistent behaviour over time. Small promises, kept "
									+ "day after day, say more than any speech. When the same argument comes back, that is "
									+ "not failure: it is where the work is.\n\n");
				}
				ArticleId id = PracticeGenerator.this.library
					.create(new ArticleContent("practice-notes-" + a + "-s" + this.plan.seed(), title,
							"A short note from the practice on " + tag + ".", List.of(tag, other), null, null,
							"Madrega Wellness", body.toString()));
				PracticeGenerator.this.library.publish(id);
				tags += 2;
			}
			this.throughApis.put("article", (long) this.plan.articles());
			this.throughApis.put("article_tag", tags);
		}

		private void consultations() {
			SplittableRandom random = random(this.plan.seed(), 4, 0);
			String[] statuses = { "NEW", "CONTACTED", "SCHEDULED", "CLOSED" };
			String[] messages = { "I cheated and my wife found out last week. I don't know where to start.",
					"We keep having the same fight. I want to stop being so defensive.",
					"My partner broke my trust and I don't know if I can stay.", null };
			for (int r = 1; r <= this.plan.consultations(); r++) {
				UUID id = uuid(random);
				Instant received = this.lastDay.atStartOfDay(PracticeGenerator.this.zone)
					.toInstant()
					.minus(Duration.ofHours(random.nextInt(24 * 365)));
				String status = received
					.isAfter(this.lastDay.minusDays(14).atStartOfDay(PracticeGenerator.this.zone).toInstant())
							? pick(random, statuses) : "CLOSED";
				boolean assigned = !status.equals("NEW");
				UUID therapist = assigned ? this.therapists.get(random.nextInt(this.therapists.size())) : null;
				String message = pick(random, messages);
				rows("consultation").add(id, pick(random, FIRST_NAMES) + " " + pick(random, LAST_INITIALS) + ".",
						"request" + r + ".s" + this.plan.seed() + DOMAIN, "EMAIL", "WEEKDAY_EVENING",
						"REBUILDING_TRUST", (message != null) ? seal(message, "consultation.message", id, id) : null,
						status,
						status.equals("CLOSED") ? pick(random,
								new String[] { "BECAME_CLIENT", "REFERRED_ELSEWHERE", "NO_RESPONSE", "NOT_A_FIT" })
								: null,
						therapist, 0, utc(received), assigned ? utc(received.plus(Duration.ofHours(20))) : null, 0L);
				rows("consultation_change").add(id, "RECEIVED", null, "NEW", null, utc(received));
				if (assigned) {
					rows("consultation_change").add(id, "ASSIGNED", therapist, "CONTACTED", therapist,
							utc(received.plus(Duration.ofHours(20))));
				}
			}
		}

	}

}
