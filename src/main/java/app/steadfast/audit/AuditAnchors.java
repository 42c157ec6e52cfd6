package app.steadfast.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionFailed;
import app.steadfast.shared.PrivateFiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The anchor file: an append-only text file outside the database (600, under the data
 * folder), one line each time the check found the chain intact and its head had moved.
 * Each line carries a MAC with the deployment's key, so a line cannot be forged or edited
 * with access to the file alone. A node keeps its own file; the check on any node
 * compares the chain with the anchors it holds.
 */
@Component
class AuditAnchors {

	static final String PURPOSE = "audit anchor";

	private static final Pattern LINE = Pattern.compile(
			"(?<at>\\S+) seq=(?<seq>\\d+) hash=(?<hash>[0-9a-f]{64}) legacy-until=(?<legacy>\\d+) key=(?<key>-?\\d+) mac=(?<mac>[0-9a-f]{64})");

	@ConfigurationProperties("steadfast.audit")
	record AuditSettings(@DefaultValue("./data/audit-anchors.log") String anchorFile,
			@DefaultValue("10m") java.time.Duration checkEvery) {
	}

	/**
	 * What the file holds.
	 *
	 * @param anchors the lines that are whole and carry a valid MAC, oldest first
	 * @param badLine the first line that is not (1-based), or 0 if every line is
	 */
	record Read(List<AuditAnchor> anchors, int badLine) {

		AuditAnchor latest() {
			return this.anchors.isEmpty() ? null : this.anchors.get(this.anchors.size() - 1);
		}

	}

	private final Path file;

	private final Encryption encryption;

	AuditAnchors(AuditSettings settings, Encryption encryption) {
		this.file = Path.of(settings.anchorFile());
		this.encryption = encryption;
	}

	Path file() {
		return this.file;
	}

	/** Appends an anchor and waits until it is on the disk. */
	synchronized void append(AuditAnchor anchor) {
		int key = this.encryption.primaryKeyId();
		String line = "%s seq=%d hash=%s legacy-until=%d key=%d".formatted(anchor.at(), anchor.seq(), anchor.hash(),
				anchor.legacyUntil(), key);
		PrivateFiles.appendLine(this.file, line + " mac=" + mac(key, line));
	}

	/** Every anchor in the file, and the first line that was tampered with, if any. */
	Read read() {
		if (Files.notExists(this.file)) {
			return new Read(List.of(), 0);
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<AuditAnchor> anchors = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher matcher = LINE.matcher(lines.get(i));
			if (!matcher.matches() || !validMac(matcher, lines.get(i))) {
				return new Read(anchors, i + 1);
			}
			anchors.add(new AuditAnchor(Instant.parse(matcher.group("at")), Long.parseLong(matcher.group("seq")),
					matcher.group("hash"), Long.parseLong(matcher.group("legacy"))));
		}
		return new Read(anchors, 0);
	}

	private boolean validMac(Matcher matcher, String line) {
		int key = Integer.parseInt(matcher.group("key"));
		if (!this.encryption.holdsKey(key)) {
			return false;
		}
		String signed = line.substring(0, line.lastIndexOf(" mac="));
		try {
			return MessageDigest.isEqual(mac(key, signed).getBytes(StandardCharsets.US_ASCII),
					matcher.group("mac").getBytes(StandardCharsets.US_ASCII));
		}
		catch (EncryptionFailed ex) {
			return false;
		}
	}

	private String mac(int key, String line) {
		return HexFormat.of()
			.formatHex(this.encryption.authenticate(key, PURPOSE, line.getBytes(StandardCharsets.UTF_8)));
	}

}
