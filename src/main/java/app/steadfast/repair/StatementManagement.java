package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountability statement's API. Only its owner writes, reads every version,
 * compares and shares; every save is a new version and versions never change. His partner
 * or therapist reads a version only once he shared it with them, and only while the
 * sharing module allows it (each such read is audited); a partner reads only while the
 * couple's link carries words. Anything else answers like a missing statement.
 */
@Service
public class StatementManagement {

	// Parsed once per process: the rules and the classifier do not change while it runs.
	private static final ExcuseCheck RULES = ExcuseCheck.shipped();

	private final ExcuseCheck check;

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final RiskLanguage risk;

	private final Clock clock;

	StatementManagement(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, RiskLanguage risk,
			SentenceModel model, Clock clock) {
		this.check = RULES.withModel(model);
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.clock = clock;
	}

	/** Runs the excuse check over each part. Keeps nothing. */
	public Review review(Map<StatementPart, String> words) {
		return Review.of(words, this.check);
	}

	/**
	 * Saves his words as a new version: of a new statement when {@code statement} is
	 * null. The words are checked for risk language; a hit is reported (ids only) and
	 * never blocks saving.
	 * @return the version saved, and whether its words call for crisis resources
	 * @throws InvalidRepairInput if "what happened" is empty or a part is too long
	 * @throws NotFound if the statement is not his
	 */
	@Transactional
	public Saved save(AccountId owner, @Nullable StatementId statement, Map<StatementPart, String> words) {
		Map<StatementPart, String> parts = new EnumMap<>(StatementPart.class);
		for (StatementPart part : StatementPart.values()) {
			String text = words.getOrDefault(part, "");
			text = (text == null) ? "" : text.strip();
			if (text.length() > StatementPart.MAX_LENGTH) {
				throw new InvalidRepairInput(part.field(),
						"Keep each part under " + StatementPart.MAX_LENGTH + " characters.");
			}
			if (!text.isEmpty()) {
				parts.put(part, text);
			}
		}
		if (!parts.containsKey(StatementPart.WHAT_HAPPENED)) {
			throw new InvalidRepairInput(StatementPart.WHAT_HAPPENED.field(),
					"Start with what happened, in a sentence or two. The rest can come later.");
		}
		OffsetDateTime now = now();
		UUID statementId;
		int number;
		if (statement == null) {
			statementId = UUID.randomUUID();
			number = 1;
			this.jdbc
				.sql("INSERT INTO statement (id, owner_id, created_at, updated_at) VALUES (:id, :owner, :now, :now)")
				.param("id", statementId)
				.param("owner", owner.value())
				.param("now", now)
				.update();
		}
		else {
			statementId = owned(owner, statement);
			number = this.jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM statement_version WHERE statement_id = :id")
				.param("id", statementId)
				.query(Integer.class)
				.single() + 1;
			this.jdbc.sql("UPDATE statement SET updated_at = :now WHERE id = :id")
				.param("now", now)
				.param("id", statementId)
				.update();
		}
		UUID versionId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO statement_version (id, statement_id, number, saved_at)
				VALUES (:id, :statement, :number, :now)
				""")
			.param("id", versionId)
			.param("statement", statementId)
			.param("number", number)
			.param("now", now)
			.update();
		for (Map.Entry<StatementPart, String> part : parts.entrySet()) {
			this.jdbc.sql("INSERT INTO statement_part (version_id, part, words) VALUES (:version, :part, :words)")
				.param("version", versionId)
				.param("part", part.getKey().name())
				.param("words", this.encryption.seal(part.getValue(), partBinding(versionId, part.getKey(), owner)))
				.update();
		}
		boolean crisis = this.risk
			.checkAndReport(String.join("\n", parts.values()), owner.value(), RiskSource.STATEMENT, versionId)
			.hit();
		return new Saved(new StatementId(statementId), number, crisis);
	}

	/**
	 * A saved version.
	 *
	 * @param statement its statement
	 * @param number its number
	 * @param crisis whether its words call for crisis resources
	 */
	public record Saved(StatementId statement, int number, boolean crisis) {
	}

	/** His statements, most recently saved first. */
	@Transactional(readOnly = true)
	public List<StatementSummary> statements(AccountId owner) {
		List<StatementSummary> summaries = new ArrayList<>();
		this.jdbc.sql("""
				SELECT s.id, s.created_at, s.updated_at,
				  (SELECT COUNT(*) FROM statement_version v WHERE v.statement_id = s.id) AS versions
				FROM statement s WHERE s.owner_id = :owner ORDER BY s.updated_at DESC
				""")
			.param("owner", owner.value())
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class),
							rs.getObject("created_at", OffsetDateTime.class).toInstant(),
							rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("versions") })
			.list()
			.forEach((row) -> {
				StatementId id = new StatementId((UUID) row[0]);
				int count = (int) row[3];
				String first = (count == 0) ? "" : version(owner, id, count).text(StatementPart.WHAT_HAPPENED);
				summaries.add(new StatementSummary(id, (Instant) row[1], (Instant) row[2], (int) row[3],
						(first.length() > 80) ? first.substring(0, 80) + "…" : first));
			});
		return summaries;
	}

	/**
	 * Every version of his statement, oldest first.
	 * @throws NotFound if it is not his
	 */
	@Transactional(readOnly = true)
	public List<VersionView> versions(AccountId owner, StatementId statement) {
		owned(owner, statement);
		return this.jdbc.sql("SELECT * FROM statement_version WHERE statement_id = :id ORDER BY number")
			.param("id", statement.value())
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list()
			.stream()
			.map((id) -> view(row(id).orElseThrow(NotFound::new), owner, owner))
			.toList();
	}

	/**
	 * One version of his statement.
	 * @throws NotFound if there is no such version of a statement of his
	 */
	@Transactional(readOnly = true)
	public VersionView version(AccountId owner, StatementId statement, int number) {
		owned(owner, statement);
		UUID id = this.jdbc.sql("SELECT id FROM statement_version WHERE statement_id = :id AND number = :number")
			.param("id", statement.value())
			.param("number", number)
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
		return view(row(id).orElseThrow(NotFound::new), owner, owner);
	}

	/**
	 * Compares two versions of his statement, part by part.
	 * @throws NotFound if either is not a version of a statement of his
	 */
	@Transactional(readOnly = true)
	public Map<StatementPart, List<Diff.Piece>> compare(AccountId owner, StatementId statement, int from, int to) {
		VersionView before = version(owner, statement, from);
		VersionView after = version(owner, statement, to);
		Map<StatementPart, List<Diff.Piece>> comparison = new LinkedHashMap<>();
		for (StatementPart part : StatementPart.values()) {
			if (!before.text(part).isEmpty() || !after.text(part).isEmpty()) {
				comparison.put(part, Diff.of(before.text(part), after.text(part)));
			}
		}
		return comparison;
	}

	/**
	 * Shares one version with his partner or his therapist. From then on the version is
	 * frozen: it can never be unshared or changed, and later saves are new versions.
	 * Sharing with his partner turns on his partner's sight of statements in the sharing
	 * module if it is off.
	 * @throws NotFound if the version is not his
	 * @throws InvalidRepairInput if there is no one to share with right now
	 */
	@Transactional
	public void share(AccountId owner, StatementId statement, int number, Audience audience) {
		VersionView version = version(owner, statement, number);
		if (audience == Audience.PARTNER) {
			// Open once both answered the intake. Her safety pause does not refuse him: a
			// refusal would tell him; the sharing module keeps the version from her until
			// the pause ends.
			AccountId partner = this.sharing.channel(owner)
				.filter((link) -> link.client().equals(owner) && link.open())
				.map(SharingManagement.PartnerChannel::partner)
				.orElseThrow(() -> new InvalidRepairInput("audience",
						"Sharing with your partner isn't open right now. You can still share it with your therapist."));
			boolean granted = this.sharing.grantsBy(owner)
				.stream()
				.anyMatch((g) -> g.grantee().equals(partner) && g.category() == Category.STATEMENTS
						&& g.kind() == GrantKind.PARTNER && g.isActiveAt(this.clock.instant()));
			if (!granted) {
				this.sharing.grant(owner, partner, Category.STATEMENTS, GrantKind.PARTNER, null);
			}
			this.jdbc.sql("""
					UPDATE statement_version SET shared_with_partner_at = :now
					WHERE id = :id AND shared_with_partner_at IS NULL
					""").param("now", now()).param("id", version.id()).update();
		}
		else {
			boolean granted = this.sharing.grantsBy(owner)
				.stream()
				.anyMatch((g) -> g.category() == Category.STATEMENTS && g.kind() == GrantKind.THERAPIST
						&& g.isActiveAt(this.clock.instant()));
			if (!granted) {
				throw new InvalidRepairInput("audience",
						"You haven't given a therapist access to your statements yet. Ask your therapist about it first.");
			}
			this.jdbc.sql("""
					UPDATE statement_version SET shared_with_therapist_at = :now
					WHERE id = :id AND shared_with_therapist_at IS NULL
					""").param("now", now()).param("id", version.id()).update();
		}
	}

	/**
	 * A version shared with the viewer, the latest shared version of each statement per
	 * owner, for his partner or therapist. Each version listed is an audited read.
	 */
	@Transactional(readOnly = true)
	public List<VersionView> sharedWith(AccountId viewer) {
		List<VersionView> shared = new ArrayList<>();
		this.sharing.activeGrantsTo(viewer)
			.stream()
			.filter((g) -> g.category() == Category.STATEMENTS)
			.map((g) -> g.owner())
			.distinct()
			.forEach((owner) -> {
				Audience audience = audienceOf(viewer, owner);
				if (audience == null) {
					return;
				}
				String column = (audience == Audience.PARTNER) ? "shared_with_partner_at" : "shared_with_therapist_at";
				this.jdbc
					.sql("SELECT v.id FROM statement_version v JOIN statement s ON s.id = v.statement_id "
							+ "WHERE s.owner_id = :owner AND v." + column + " IS NOT NULL ORDER BY v.saved_at DESC")
					.param("owner", owner.value())
					.query(UUID.class)
					.list()
					.forEach((id) -> shared.add(sharedVersion(viewer, id)));
			});
		return shared;
	}

	/**
	 * One version as his partner or therapist reads it, audited.
	 * @throws NotFound if it does not exist or was not shared with the viewer, or the
	 * viewer may not see it now
	 */
	@Transactional(readOnly = true)
	public VersionView sharedVersion(AccountId viewer, UUID versionId) {
		Row row = row(versionId).orElseThrow(NotFound::new);
		AccountId owner = new AccountId(row.owner());
		if (owner.equals(viewer)) {
			throw new NotFound();
		}
		Audience audience = audienceOf(viewer, owner);
		Instant shared = (audience == Audience.PARTNER) ? row.sharedWithPartnerAt()
				: (audience == Audience.THERAPIST) ? row.sharedWithTherapistAt() : null;
		if (shared == null) {
			throw new NotFound();
		}
		this.sharing.requireVisible(viewer, owner, Category.STATEMENTS, versionId.toString());
		return view(row, owner, viewer);
	}

	/**
	 * His partner responds to a version he shared with them, in their own words.
	 * @throws NotFound if the viewer may not read the version as his partner
	 * @throws InvalidRepairInput if the words are empty or too long
	 */
	@Transactional
	public void respond(AccountId partner, UUID versionId, String words) {
		Row row = row(versionId).orElseThrow(NotFound::new);
		if (audienceOf(partner, new AccountId(row.owner())) != Audience.PARTNER) {
			throw new NotFound();
		}
		sharedVersion(partner, versionId);
		this.sharing.requireMayAct(partner, new AccountId(row.owner()), Category.STATEMENTS, versionId + "/respond");
		String text = (words == null) ? "" : words.strip();
		if (text.isEmpty()) {
			throw new InvalidRepairInput("words", "Write your response first.");
		}
		if (text.length() > StatementPart.MAX_LENGTH) {
			throw new InvalidRepairInput("words", "Keep it under " + StatementPart.MAX_LENGTH + " characters.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO statement_response (id, version_id, author_id, words, responded_at)
				VALUES (:id, :version, :author, :words, :now)
				""")
			.param("id", id)
			.param("version", versionId)
			.param("author", partner.value())
			.param("words", this.encryption.seal(text, EncryptionBinding.of("statement_response", id, partner.value())))
			.param("now", now())
			.update();
	}

	/**
	 * How the viewer stands to the owner: his partner while the sharing module lets words
	 * travel between them, his therapist when not his partner, or null.
	 */
	@Nullable private Audience audienceOf(AccountId viewer, AccountId owner) {
		Optional<SharingManagement.PartnerChannel> link = this.sharing.channel(viewer);
		if (link.isPresent() && link.get().client().equals(owner) && link.get().partner().equals(viewer)) {
			return link.get().travels() ? Audience.PARTNER : null;
		}
		boolean therapist = this.sharing.activeGrantsTo(viewer)
			.stream()
			.anyMatch((g) -> g.owner().equals(owner) && g.category() == Category.STATEMENTS
					&& g.kind() != GrantKind.PARTNER);
		return therapist ? Audience.THERAPIST : null;
	}

	private UUID owned(AccountId owner, StatementId statement) {
		return this.jdbc.sql("SELECT id FROM statement WHERE id = :id AND owner_id = :owner")
			.param("id", statement.value())
			.param("owner", owner.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
	}

	private record Row(UUID id, UUID statement, UUID owner, int number, Instant savedAt,
			@Nullable Instant sharedWithPartnerAt, @Nullable Instant sharedWithTherapistAt) {
	}

	private Optional<Row> row(UUID versionId) {
		return this.jdbc.sql("""
				SELECT v.*, s.owner_id FROM statement_version v JOIN statement s ON s.id = v.statement_id
				WHERE v.id = :id
				""")
			.param("id", versionId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("statement_id", UUID.class),
					rs.getObject("owner_id", UUID.class), rs.getInt("number"),
					rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
					instant(rs.getObject("shared_with_partner_at", OffsetDateTime.class)),
					instant(rs.getObject("shared_with_therapist_at", OffsetDateTime.class))))
			.optional();
	}

	/**
	 * The version with the responses to it the viewer may be shown (what his partner
	 * wrote shows only while she shares statements, so never during her safety pause).
	 */
	private VersionView view(Row row, AccountId owner, AccountId viewer) {
		Map<StatementPart, String> parts = new EnumMap<>(StatementPart.class);
		this.jdbc.sql("SELECT part, words FROM statement_part WHERE version_id = :id")
			.param("id", row.id())
			.query((rs, n) -> Map.entry(StatementPart.valueOf(rs.getString("part")), rs.getString("words")))
			.list()
			.forEach((e) -> parts.put(e.getKey(),
					this.encryption.open(e.getValue(), partBinding(row.id(), e.getKey(), owner))));
		List<VersionView.Response> responses = this.jdbc.sql(
				"SELECT id, author_id, words, responded_at FROM statement_response WHERE version_id = :id ORDER BY responded_at")
			.param("id", row.id())
			.query((rs, n) -> Map.entry(new AccountId(rs.getObject("author_id", UUID.class)),
					new VersionView.Response(
							this.encryption.open(rs.getString("words"),
									EncryptionBinding.of("statement_response", rs.getObject("id", UUID.class),
											rs.getObject("author_id", UUID.class))),
							rs.getObject("responded_at", OffsetDateTime.class).toInstant())))
			.list()
			.stream()
			.filter((e) -> this.sharing.mayShowContribution(e.getKey(), viewer, Category.STATEMENTS))
			.map(Map.Entry::getValue)
			.toList();
		return new VersionView(row.id(), new StatementId(row.statement()), owner, row.number(), row.savedAt(),
				row.sharedWithPartnerAt(), row.sharedWithTherapistAt(), parts, responses);
	}

	private static EncryptionBinding partBinding(UUID version, StatementPart part, AccountId owner) {
		return EncryptionBinding.of("statement_part", version + "/" + part.name(), owner.value());
	}

	private static Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
