package app.steadfast.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.steadfast.shared.Encryption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's chain: how each row's MAC is made (HMAC-SHA256 with a key from the
 * deployment's keyset, or the plain SHA-256 of rows written before the chain was keyed),
 * and the walk that checks every row against the one before, the recorded head and the
 * anchors kept outside the database ({@link AuditAnchors}), writing a new anchor when the
 * chain is intact and has grown.
 */
@Component
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	static final String PURPOSE = "audit chain";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Encryption encryption;

	private final AuditAnchors anchors;

	AuditChain(JdbcClient jdbc, Clock clock, Encryption encryption, AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.encryption = encryption;
		this.anchors = anchors;
	}

	/**
	 * Walks the whole chain up to its recorded head: every row must follow the one before
	 * without a gap and match its own MAC (or, for rows written before the chain was
	 * keyed, its SHA-256), the last must be the recorded head, and the chain must agree
	 * with every anchor kept outside the database: the same hash at each anchored row,
	 * and no anchored row missing.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		return walk().verification();
	}

	/** The newest anchor kept outside the database, if one was written yet. */
	public Optional<AuditAnchor> latestAnchor() {
		return Optional.ofNullable(this.anchors.read().latest());
	}

	/**
	 * Verifies the chain and, if it is intact and has grown since the newest anchor,
	 * writes its head down outside the database.
	 * @return the verification, and the anchor written, if one was
	 */
	@Transactional(readOnly = true)
	public Checked verifyAndAnchor() {
		Walk walk = walk();
		if (!walk.verification().intact() || walk.verification().rows() == 0) {
			return new Checked(walk.verification(), null);
		}
		AuditAnchor latest = walk.anchors().latest();
		if (latest != null && latest.seq() == walk.verification().rows()) {
			return new Checked(walk.verification(), null);
		}
		AuditAnchor anchor = new AuditAnchor(this.clock.instant().truncatedTo(ChronoUnit.SECONDS),
				walk.verification().rows(), walk.lastHash(), walk.legacyUntil());
		this.anchors.append(anchor);
		return new Checked(walk.verification(), anchor);
	}

	/**
	 * What a check found.
	 *
	 * @param verification the chain's state
	 * @param anchored the anchor this check wrote, if it wrote one
	 */
	public record Checked(AuditVerification verification, @Nullable AuditAnchor anchored) {
	}

	private record Walk(AuditVerification verification, String lastHash, long legacyUntil, AuditAnchors.Read anchors) {
	}

	private Walk walk() {
		AuditAnchors.Read anchors = this.anchors.read();
		Map<String, Object> head = this.jdbc
			.sql("SELECT last_seq, last_hash, legacy_until FROM audit_head WHERE id = 1")
			.query()
			.singleRow();
		long headSeq = ((Number) head.get("last_seq")).longValue();
		long legacyUntil = ((Number) head.get("legacy_until")).longValue();
		Map<Long, AuditAnchor> anchored = new HashMap<>();
		for (AuditAnchor anchor : anchors.anchors()) {
			anchored.put(anchor.seq(), anchor);
		}
		AuditAnchor latest = anchors.latest();
		if (anchors.badLine() > 0) {
			return new Walk(
					new AuditVerification(false, 0, (latest != null) ? latest.seq() + 1 : 1,
							"line " + anchors.badLine()
									+ " of the anchor file was changed or was not written by Steadfast"),
					null, legacyUntil, anchors);
		}
		if (latest != null && legacyUntil != latest.legacyUntil()) {
			return new Walk(new AuditVerification(false, 0, Math.min(legacyUntil, latest.legacyUntil()) + 1,
					"the point where keyed rows begin was moved from row " + latest.legacyUntil() + " to row "
							+ legacyUntil),
					null, legacyUntil, anchors);
		}
		long[] expectedSeq = { 1 };
		String[] prev = { GENESIS };
		AuditVerification[] broken = { null };
		// Rows appended while the walk runs are past the head read above; the next walk
		// checks them.
		this.jdbc.sql("SELECT * FROM audit_event WHERE seq <= :head ORDER BY seq")
			.param("head", headSeq)
			.query((ResultSet rs) -> {
				if (broken[0] != null) {
					return;
				}
				AuditRecord row = AuditLog.row(rs, 0);
				Integer key = (Integer) rs.getObject("key_id", Integer.class);
				AuditAnchor anchor = anchored.get(row.seq());
				if (row.seq() != expectedSeq[0]) {
					broken[0] = new AuditVerification(false, expectedSeq[0] - 1, expectedSeq[0],
							"row " + expectedSeq[0] + " is missing");
				}
				else if (!row.prevHash().equals(prev[0])) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " does not follow the row before it");
				}
				else if (key == null && row.seq() > legacyUntil) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(), "row " + row.seq()
							+ " carries no MAC, though every row after row " + legacyUntil + " must");
				}
				else if (key != null && !this.encryption.holdsKey(key)) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(), "row " + row.seq()
							+ " names a key this deployment does not hold (a removed key, or a forgery)");
				}
				else if (!MessageDigest.isEqual(bytes((key != null) ? keyedHash(row, key) : legacyHash(row)),
						bytes(row.hash()))) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " was changed after it was written");
				}
				else if (anchor != null && !anchor.hash().equals(row.hash())) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " is not the row anchored outside the database on " + anchor.at()
									+ ": the chain was rewritten");
				}
				else {
					prev[0] = row.hash();
					expectedSeq[0]++;
				}
			});
		if (broken[0] != null) {
			return new Walk(broken[0], null, legacyUntil, anchors);
		}
		long rows = expectedSeq[0] - 1;
		if (headSeq != rows || !Objects.equals(head.get("last_hash"), prev[0])) {
			return new Walk(new AuditVerification(false, rows, rows + 1, "the newest rows are missing"), null,
					legacyUntil, anchors);
		}
		if (latest != null && latest.seq() > rows) {
			return new Walk(new AuditVerification(false, rows, rows + 1,
					"the chain ends at row " + rows + ", but row " + latest.seq()
							+ " was anchored outside the database on " + latest.at()
							+ ": the newest rows were removed"),
					null, legacyUntil, anchors);
		}
		return new Walk(new AuditVerification(true, rows, null, null), prev[0], legacyUntil, anchors);
	}

	/**
	 * The hash of a row written after the chain was keyed: its MAC with the given key.
	 */
	String keyedHash(AuditRecord row, int key) {
		byte[] mac = this.encryption.authenticate(key, PURPOSE,
				(canonical(row) + "\u001f" + key).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac);
	}

	/** The hash of a row written before the chain was keyed: a plain SHA-256. */
	static String legacyHash(AuditRecord row) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(row).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String canonical(AuditRecord row) {
		return String.join("\u001f", String.valueOf(row.seq()),
				row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), row.action().name(), text(row.actorId()),
				text(row.subjectId()), text(row.category()), text(row.recordRef()), text(row.reason()),
				text(row.address()), row.prevHash());
	}

	private static byte[] bytes(String hex) {
		return (hex != null) ? hex.getBytes(StandardCharsets.US_ASCII) : new byte[0];
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
