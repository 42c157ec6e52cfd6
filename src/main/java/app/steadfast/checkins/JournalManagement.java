package app.steadfast.checkins;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * them only as the sharing module decides for each entry's category (a journal grant for
 * her own entries; nothing ever for her answers on her path), and a refusal looks like a
 * missing entry.
 */
@Service
public class JournalManagement {

	/** The longest an entry may be. */
	public static final int MAX_TEXT = 20000;

	static final String TABLE = "journal_entry";

	// What a journal holds; the sharing module decides which of them a reader sees.
	private static final Set<Category> KINDS = Set.of(Category.JOURNAL, Category.PATH_ANSWERS);

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

	/**
	 * Keeps the answer to a step of the partner's path as an entry of her journal, sealed
	 * like every entry: the first answer writes the entry, a later one changes it. Its
	 * category is {@link Category#PATH_ANSWERS}, which the sharing module opens to no one
	 * but her: it never shows in a journal she shares.
	 * @param asked the step's prompt as she was asked it
	 * @throws InvalidCheckIn if the text is empty or too long
	 */
	@Transactional
	public JournalReceipt answerStep(AccountId owner, String step, String asked, String body) {
		check(body);
		Instant now = this.clock.instant();
		JournalEntry entry = this.entries.findByOwnerIdAndPathStep(owner.value(), step)
			.orElseGet(() -> JournalEntry.forStep(UUID.randomUUID(), owner.value(), step, now));
		entry.answer(asked, this.encryption.seal(body.strip(), binding(entry)), now);
		this.entries.save(entry);
		return new JournalReceipt(entry.id(),
				this.risk.checkAndReport(body, owner.value(), RiskSource.JOURNAL, entry.id()).hit());
	}

	/** Her answers to the steps of her path, by step; for her alone. */
	@Transactional(readOnly = true)
	public Map<String, JournalEntryView> stepAnswers(AccountId owner) {
		Map<String, JournalEntryView> answers = new LinkedHashMap<>();
		for (JournalEntry entry : this.entries.findByOwnerIdAndPathStepIsNotNull(owner.value())) {
			answers.put(entry.pathStep(), view(entry));
		}
		return answers;
	}

	/** The steps of her path she has answered; for her alone, without opening a word. */
	@Transactional(readOnly = true)
	public Set<String> answeredSteps(AccountId owner) {
		return Set.copyOf(this.entries.answeredSteps(owner.value()));
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
		this.sharing.requireVisible(viewer, new AccountId(entry.ownerId()), entry.category(), id.toString());
		return view(entry);
	}

	/**
	 * The owner's entries, newest first, for him or someone he shares the journal with.
	 * @throws NotFound if the viewer may not read them
	 */
	@Transactional(readOnly = true)
	public List<JournalEntryView> entries(AccountId viewer, AccountId owner) {
		Set<Category> visible = this.sharing.visibleCategories(viewer, owner, KINDS, "journal");
		if (!visible.contains(Category.JOURNAL)) {
			throw new NotFound();
		}
		return this.entries.findByOwnerIdOrderByWrittenAtDesc(owner.value())
			.stream()
			.filter((entry) -> visible.contains(entry.category()))
			.map(this::view)
			.toList();
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
				this.encryption.open(entry.body(), binding(entry)), entry.writtenAt(), entry.pathStep(), entry.asked());
	}

	private static EncryptionBinding binding(JournalEntry entry) {
		return EncryptionBinding.of(TABLE, entry.id(), entry.ownerId());
	}

}
