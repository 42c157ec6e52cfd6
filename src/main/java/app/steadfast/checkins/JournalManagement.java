package app.steadfast.checkins;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reflection journal's API. Entries are private to their owner; anyone else reads
 * them only through a journal grant in the sharing module, and a refusal looks like a
 * missing entry.
 */
@Service
public class JournalManagement {

	/** The longest an entry may be. */
	public static final int MAX_TEXT = 20000;

	static final String TABLE = "journal_entry";

	private final JournalEntries entries;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final RiskLanguage risk;

	private final Clock clock;

	JournalManagement(JournalEntries entries, Encryption encryption, SharingManagement sharing, RiskLanguage risk,
			Clock clock) {
		this.entries = entries;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.clock = clock;
	}

	/**
	 * Writes a new entry.
	 * @throws InvalidCheckIn if the text is empty or too long
	 */
	@Transactional
	public JournalReceipt write(AccountId owner, JournalPrompt prompt, String body) {
		check(body);
		Instant now = this.clock.instant();
		JournalEntry entry = JournalEntry.start(UUID.randomUUID(), owner.value(), now);
		entry.write(prompt, this.encryption.seal(body.strip(), binding(entry)), now);
		this.entries.save(entry);
		return new JournalReceipt(entry.id(),
				this.risk.checkAndReport(body, owner.value(), RiskSource.JOURNAL, entry.id()).hit());
	}

	/** Changes one of the owner's entries; anyone else's answers as missing. */
	@Transactional
	public JournalReceipt rewrite(AccountId owner, UUID id, JournalPrompt prompt, String body) {
		check(body);
		JournalEntry entry = owned(owner, id);
		entry.write(prompt, this.encryption.seal(body.strip(), binding(entry)), this.clock.instant());
		this.entries.save(entry);
		return new JournalReceipt(entry.id(),
				this.risk.checkAndReport(body, owner.value(), RiskSource.JOURNAL, entry.id()).hit());
	}

	/** Deletes one of the owner's entries for good. */
	@Transactional
	public void delete(AccountId owner, UUID id) {
		this.entries.delete(owned(owner, id));
	}

	/**
	 * One entry, for its owner or someone he shares the journal with.
	 * @throws NotFound if it does not exist or the viewer may not read it
	 */
	@Transactional(readOnly = true)
	public JournalEntryView find(AccountId viewer, UUID id) {
		JournalEntry entry = this.entries.findById(id).orElseThrow(NotFound::new);
		this.sharing.requireVisible(viewer, new AccountId(entry.ownerId()), Category.JOURNAL, id.toString());
		return view(entry);
	}

	/**
	 * The owner's entries, newest first, for him or someone he shares the journal with.
	 * @throws NotFound if the viewer may not read them
	 */
	@Transactional(readOnly = true)
	public List<JournalEntryView> entries(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.JOURNAL, "journal");
		return this.entries.findByOwnerIdOrderByWrittenAtDesc(owner.value()).stream().map(this::view).toList();
	}

	private static void check(String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidCheckIn("body", "Write a few words first. A sentence is enough.");
		}
		if (body.length() > MAX_TEXT) {
			throw new InvalidCheckIn("body", "Keep an entry under " + MAX_TEXT + " characters, or split it in two.");
		}
	}

	private JournalEntry owned(AccountId owner, UUID id) {
		return this.entries.findById(id).filter((e) -> e.ownerId().equals(owner.value())).orElseThrow(NotFound::new);
	}

	private JournalEntryView view(JournalEntry entry) {
		return new JournalEntryView(entry.id(), new AccountId(entry.ownerId()), entry.prompt(),
				this.encryption.open(entry.body(), binding(entry)), entry.writtenAt());
	}

	private static EncryptionBinding binding(JournalEntry entry) {
		return EncryptionBinding.of(TABLE, entry.id(), entry.ownerId());
	}

}
