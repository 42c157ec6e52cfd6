package app.steadfast.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.ModuleAccess;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Homework a therapist sets his client: an article to read, an exercise in one of the
 * client's own tools, or a task in the therapist's words, each with a due date. The
 * client sees it on his home page and marks it done; the therapist sees when.
 */
@Service
class Homework {

	static final int MAX_TASK = 2000;

	/** The kinds of homework. */
	enum Kind {

		ARTICLE, EXERCISE, TASK

	}

	/**
	 * Exercises in the client's own tools. Each leads to its module's pages, and is
	 * offered only when that module is part of this deployment.
	 */
	enum Exercise {

		CHECK_IN_ROUTINE("Name what you feel with a check-in each day", "/checkins/new"),
		COMMITMENT_SUGGESTION("Make one small, checkable promise", "/commitments/new"),
		JOURNAL_REFLECTION("Write one reflection in your journal", "/checkins/journal"),
		STATEMENT_PART("Work on one part of your accountability statement", "/repair"),
		CONVERSATION_PLAN("Prepare for a hard conversation with a plan", "/conversations");

		private final String label;

		private final String href;

		Exercise(String label, String href) {
			this.label = label;
			this.href = href;
		}

		public String label() {
			return this.label;
		}

		public String href() {
			return this.href;
		}

	}

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Therapy therapy;

	private final ArticleManagement articles;

	private final AccountManagement accounts;

	private final Clock clock;

	private final ObjectProvider<ModuleAccess> modules;

	Homework(JdbcClient jdbc, Encryption encryption, Therapy therapy, ArticleManagement articles,
			AccountManagement accounts, Clock clock, ObjectProvider<ModuleAccess> modules) {
		this.modules = modules;
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.therapy = therapy;
		this.articles = articles;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The exercises this deployment can offer. */
	List<Exercise> exercises() {
		return Arrays.stream(Exercise.values()).filter((e) -> {
			String prefix = "/" + e.href().split("/")[1];
			return this.modules.orderedStream()
				.flatMap((m) -> m.rules().stream())
				.anyMatch((r) -> r.pattern().equals(prefix) || r.pattern().startsWith(prefix + "/"));
		}).toList();
	}

	/**
	 * Today where the person is: a client's for his due dates, a therapist's for hers.
	 */
	LocalDate today(AccountId person) {
		return this.accounts.today(person);
	}

	/**
	 * Sets a client homework.
	 * @throws InvalidInput if a field cannot be used
	 */
	@Transactional
	UUID assign(AccountId therapist, AccountId client, Kind kind, String articleSlug, String exercise, String task,
			LocalDate due) {
		this.therapy.requireClient(therapist, client);
		if (kind == null) {
			throw new InvalidInput("kind", "Choose what kind of homework it is.");
		}
		Exercise chosen = null;
		switch (kind) {
			case ARTICLE -> {
				if (articleSlug == null || this.articles.read(articleSlug).isEmpty()) {
					throw new InvalidInput("articleSlug", "Choose an article.");
				}
			}
			case EXERCISE -> {
				try {
					chosen = Exercise.valueOf(String.valueOf(exercise));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInput("exercise", "Choose an exercise.");
				}
				if (!exercises().contains(chosen)) {
					throw new InvalidInput("exercise", "Choose an exercise.");
				}
			}
			case TASK -> {
				if (task == null || task.isBlank()) {
					throw new InvalidInput("task", "Write the task in a sentence or two.");
				}
				if (task.length() > MAX_TASK) {
					throw new InvalidInput("task", "Keep the task under " + MAX_TASK + " characters.");
				}
			}
		}
		if (due == null) {
			throw new InvalidInput("dueDate", "Give a due date.");
		}
		if (due.isBefore(today(client))) {
			throw new InvalidInput("dueDate", "The due date can’t be in the past.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_homework (id, client_id, therapist_id, kind, article_slug, exercise, task, due_date,
				  assigned_at, done_at)
				VALUES (:id, :client, :therapist, :kind, :slug, :exercise, :task, :due, :now, NULL)
				""")
			.param("id", id)
			.param("client", client.value())
			.param("therapist", therapist.value())
			.param("kind", kind.name())
			.param("slug", (kind == Kind.ARTICLE) ? articleSlug : null)
			.param("exercise", (chosen != null) ? chosen.name() : null)
			.param("task",
					(kind == Kind.TASK) ? this.encryption.seal(task.strip(),
							EncryptionBinding.of("care_homework", id, client.value())) : null)
			.param("due", due)
			.param("now", now())
			.update();
		return id;
	}

	/** The client's homework: open first by due date, then done. */
	@Transactional(readOnly = true)
	List<Item> of(AccountId client) {
		return this.jdbc.sql("""
				SELECT * FROM care_homework WHERE client_id = :client
				ORDER BY CASE WHEN done_at IS NULL THEN 0 ELSE 1 END, due_date, assigned_at
				""").param("client", client.value()).query(this::item).list();
	}

	/**
	 * How much homework the therapist set each of these clients that is not done yet, in
	 * one query.
	 */
	@Transactional(readOnly = true)
	Map<AccountId, Long> openCounts(AccountId therapist, Collection<AccountId> clients) {
		Map<AccountId, Long> counts = new LinkedHashMap<>();
		clients.forEach((client) -> counts.put(client, 0L));
		if (clients.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT client_id, COUNT(*) AS open_count FROM care_homework
				WHERE client_id IN (:clients) AND therapist_id = :t AND done_at IS NULL GROUP BY client_id
				""")
			.param("clients", clients.stream().map(AccountId::value).distinct().toList())
			.param("t", therapist.value())
			.query((rs) -> {
				counts.put(new AccountId(rs.getObject("client_id", UUID.class)), rs.getLong("open_count"));
			});
		return counts;
	}

	/** The homework a therapist set a client he serves. */
	@Transactional(readOnly = true)
	List<Item> setBy(AccountId therapist, AccountId client) {
		this.therapy.requireClient(therapist, client);
		return of(client).stream().filter((i) -> i.therapist().equals(therapist)).toList();
	}

	/**
	 * The client marks his homework done.
	 * @throws NotFound if it is not his
	 */
	@Transactional
	void done(AccountId client, UUID id) {
		Long mine = this.jdbc.sql("SELECT COUNT(*) FROM care_homework WHERE id = :id AND client_id = :client")
			.param("id", id)
			.param("client", client.value())
			.query(Long.class)
			.single();
		if (mine == 0) {
			throw new NotFound();
		}
		this.jdbc.sql("UPDATE care_homework SET done_at = :now WHERE id = :id AND done_at IS NULL")
			.param("now", now())
			.param("id", id)
			.update();
	}

	private Item item(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
		Kind kind = Kind.valueOf(rs.getString("kind"));
		String title;
		String href;
		switch (kind) {
			case ARTICLE -> {
				String slug = rs.getString("article_slug");
				title = "Read: " + this.articles.read(slug).map((a) -> a.summary().title()).orElse(slug);
				href = "/articles/" + slug;
			}
			case EXERCISE -> {
				Exercise exercise = Exercise.valueOf(rs.getString("exercise"));
				title = exercise.label();
				href = exercise.href();
			}
			default -> {
				title = this.encryption.open(rs.getString("task"),
						EncryptionBinding.of("care_homework", id, client.value()));
				href = null;
			}
		}
		java.sql.Timestamp done = rs.getTimestamp("done_at");
		return new Item(id, client, new AccountId(rs.getObject("therapist_id", UUID.class)), kind, title, href,
				rs.getObject("due_date", LocalDate.class), rs.getTimestamp("assigned_at").toInstant(),
				(done != null) ? done.toInstant() : null);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * One piece of homework.
	 *
	 * @param id it
	 * @param client whose
	 * @param therapist who set it
	 * @param kind what kind
	 * @param title what to do, in words
	 * @param href where to do it, if it has a page
	 * @param dueDate when it is due
	 * @param assignedAt when it was set
	 * @param doneAt when he marked it done, if he has
	 */
	record Item(UUID id, AccountId client, AccountId therapist, Kind kind, String title, String href, LocalDate dueDate,
			Instant assignedAt, Instant doneAt) {

		public boolean done() {
			return this.doneAt != null;
		}

	}

}
