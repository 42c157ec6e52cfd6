package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one line a client writes for his next session, in his own words: what he wants to
 * bring to it. It is written for his therapist, so it needs no grant: his therapist reads
 * it in the brief before the session (each read audited), and no one else ever does. It
 * is sealed at rest, checked for risk language like a message to his therapist, and he
 * may change or clear it whenever he likes.
 */
@Service
class Agendas {

	/** The longest line kept. */
	static final int LONGEST = 300;

	/** How a read of it is named in the audit log. */
	static final String AUDITED = "agenda";

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Therapy therapy;

	private final RiskLanguage risk;

	private final AuditLog audit;

	private final Clock clock;

	Agendas(JdbcClient jdbc, Encryption encryption, Therapy therapy, RiskLanguage risk, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.therapy = therapy;
		this.risk = risk;
		this.audit = audit;
		this.clock = clock;
	}

	/** His line, if he wrote one and has not cleared it. */
	@Transactional(readOnly = true)
	Optional<Agenda> of(AccountId client) {
		return this.jdbc.sql("SELECT body, written_at FROM care_agenda WHERE client_id = :c")
			.param("c", client.value())
			.query((rs, n) -> new Agenda(this.encryption.open(rs.getString("body"), binding(client)),
					rs.getTimestamp("written_at").toInstant()))
			.optional();
	}

	/**
	 * Writes (or rewrites) his line.
	 * @return whether it reads as risk language, so the next page leads with the crisis
	 * lines
	 * @throws InvalidInput if it is empty or longer than {@link #LONGEST}, or he has no
	 * therapist to bring it to
	 */
	@Transactional
	boolean write(AccountId client, @Nullable String body) {
		String line = (body == null) ? "" : body.strip().replaceAll("\\s+", " ");
		if (line.isEmpty()) {
			throw new InvalidInput("body", "Write what you want to bring, or leave the page as it is.");
		}
		if (line.length() > LONGEST) {
			throw new InvalidInput("body",
					"Keep it to one line: " + LONGEST + " characters at most. You wrote " + line.length() + ".");
		}
		if (this.therapy.therapistOf(client).isEmpty()) {
			throw new InvalidInput("body", "You have no therapist to bring it to yet.");
		}
		this.jdbc.sql("DELETE FROM care_agenda WHERE client_id = :c").param("c", client.value()).update();
		this.jdbc.sql("INSERT INTO care_agenda (client_id, body, written_at) VALUES (:c, :body, :now)")
			.param("c", client.value())
			.param("body", this.encryption.seal(line, binding(client)))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return this.risk.checkAndReport(line, client.value(), RiskSource.AGENDA, UUID.randomUUID()).hit();
	}

	/** Clears his line. */
	@Transactional
	void clear(AccountId client) {
		this.jdbc.sql("DELETE FROM care_agenda WHERE client_id = :c").param("c", client.value()).update();
	}

	/**
	 * The lines these clients of the therapist wrote since each one's moment, for the
	 * brief: one query however many, and each line read is one audit row. Clients the
	 * caller has not checked are his own must not be passed.
	 */
	@Transactional
	Map<AccountId, String> since(AccountId therapist, Map<AccountId, Instant> from) {
		Map<AccountId, String> lines = new LinkedHashMap<>();
		if (from.isEmpty()) {
			return lines;
		}
		this.jdbc.sql("SELECT client_id, body, written_at FROM care_agenda WHERE client_id IN (:c)")
			.param("c", from.keySet().stream().map(AccountId::value).toList())
			.query((rs) -> {
				AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
				if (!rs.getTimestamp("written_at").toInstant().isBefore(from.get(client))) {
					lines.put(client, this.encryption.open(rs.getString("body"), binding(client)));
				}
			});
		List<AuditEntry> reads = lines.keySet()
			.stream()
			.map((client) -> AuditEntry.read(therapist.value(), client.value(), AUDITED, client.value().toString(),
					"THERAPIST"))
			.toList();
		this.audit.recordAll(reads);
		return lines;
	}

	private static EncryptionBinding binding(AccountId client) {
		return EncryptionBinding.of("care_agenda", client.value(), client.value());
	}

	/**
	 * His line for his next session.
	 *
	 * @param body his words
	 * @param writtenAt when he wrote it
	 */
	record Agenda(String body, Instant writtenAt) {
	}

}
