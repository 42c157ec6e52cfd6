package app.steadfast.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's emergency access for a therapist to what a client has granted his own
 * therapist, for 24 hours, with a written reason. The grants are break-glass grants in
 * the sharing module (so every read is audited as such); the reason is sealed and shown
 * to the client on his grants page.
 */
@Service
class BreakGlass {

	static final Duration LENGTH = Duration.ofHours(24);

	static final int MIN_REASON = 20;

	static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final Therapy therapy;

	private final Consents consents;

	private final Clock clock;

	BreakGlass(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, Therapy therapy, Consents consents,
			Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.therapy = therapy;
		this.consents = consents;
		this.clock = clock;
	}

	/**
	 * Opens the categories the client grants his own therapist to another therapist for
	 * 24 hours.
	 * @throws InvalidInput if the client, the therapist or the reason cannot be used, or
	 * the client has granted nothing
	 */
	@Transactional
	UUID open(AccountId admin, String clientEmail, AccountId therapist, String reason) {
		Person client = this.therapy.personByEmail(clientEmail == null ? "" : clientEmail.strip())
			.filter(Therapy::inCare)
			.orElseThrow(() -> new InvalidInput("clientEmail", "No client has that email address."));
		if (therapist == null || !this.therapy.activeTherapist(therapist)) {
			throw new InvalidInput("therapistId", "Choose a therapist.");
		}
		if (reason == null || reason.strip().length() < MIN_REASON) {
			throw new InvalidInput("reason",
					"Write why, in at least " + MIN_REASON + " characters. The client will read it.");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidInput("reason", "Keep the reason under " + MAX_REASON + " characters.");
		}
		Set<Category> granted = this.therapy.therapistOf(client.id())
			.map((own) -> this.consents.granted(client.id(), own))
			.orElse(Set.of());
		if (granted.isEmpty()) {
			throw new InvalidInput("clientEmail",
					"This client has granted their therapist nothing, so there is nothing to open.");
		}
		Instant now = this.clock.instant();
		Instant until = now.plus(LENGTH);
		granted.forEach((c) -> this.sharing.grant(client.id(), therapist, c, GrantKind.BREAK_GLASS, until));
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO care_break_glass (id, client_id, therapist_id, admin_id, reason, categories, granted_at, expires_at)
					VALUES (:id, :client, :therapist, :admin, :reason, :categories, :now, :until)
					""")
			.param("id", id)
			.param("client", client.id().value())
			.param("therapist", therapist.value())
			.param("admin", admin.value())
			.param("reason",
					this.encryption.seal(reason.strip(),
							EncryptionBinding.of("care_break_glass", id, client.id().value())))
			.param("categories", granted.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("until", until.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	/** Every emergency access to the client's records, newest first, with its reason. */
	@Transactional(readOnly = true)
	List<Access> about(AccountId client) {
		return this.jdbc.sql("SELECT * FROM care_break_glass WHERE client_id = :c ORDER BY granted_at DESC")
			.param("c", client.value())
			.query((rs, n) -> access(rs, true))
			.list();
	}

	/** Every emergency access, newest first, for the admin (the reason stays sealed). */
	@Transactional(readOnly = true)
	List<Access> all() {
		return this.jdbc.sql("SELECT * FROM care_break_glass ORDER BY granted_at DESC LIMIT 100")
			.query((rs, n) -> access(rs, false))
			.list();
	}

	private Access access(java.sql.ResultSet rs, boolean withReason) throws java.sql.SQLException {
		UUID id = rs.getObject("id", UUID.class);
		AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
		Instant until = rs.getTimestamp("expires_at").toInstant();
		return new Access(id, this.therapy.nameOf(client),
				this.therapy.nameOf(new AccountId(rs.getObject("therapist_id", UUID.class))),
				this.therapy.nameOf(new AccountId(rs.getObject("admin_id", UUID.class))),
				withReason ? this.encryption.open(rs.getString("reason"),
						EncryptionBinding.of("care_break_glass", id, client.value())) : null,
				Arrays.stream(rs.getString("categories").split(",")).map(Consent::label).toList(),
				rs.getTimestamp("granted_at").toInstant(), until, until.isAfter(this.clock.instant()));
	}

	/**
	 * One emergency access.
	 *
	 * @param id it
	 * @param client the client's name
	 * @param therapist the therapist's name
	 * @param admin the admin's name
	 * @param reason the written reason (for the client only)
	 * @param categories what it opened, in words
	 * @param grantedAt when
	 * @param expiresAt when it ends
	 * @param active whether it still holds
	 */
	record Access(UUID id, String client, String therapist, String admin, String reason, List<String> categories,
			Instant grantedAt, Instant expiresAt, boolean active) {
	}

}
