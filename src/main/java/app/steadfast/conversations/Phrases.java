package app.steadfast.conversations;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * His phrase cards: the practice's ({@link PhraseCards}), his edited copies of them, and
 * cards of his own. His cards are his alone.
 */
@Service
class Phrases {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final PhraseCards cards;

	private final Clock clock;

	Phrases(JdbcClient jdbc, Encryption encryption, PhraseCards cards, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.cards = cards;
		this.clock = clock;
	}

	/** The practice's phrase cards (his edited copies in their place), then his own. */
	@Transactional(readOnly = true)
	List<PhraseCard> phrases(AccountId owner) {
		Map<String, String> copies = new HashMap<>();
		List<PhraseCard> own = new ArrayList<>();
		this.jdbc.sql("SELECT id, card_key, text FROM conversation_phrase WHERE owner_id = :owner ORDER BY created_at")
			.param("owner", owner.value())
			.query((rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				String text = this.encryption.open(rs.getString("text"), binding(id, owner.value()));
				String key = rs.getString("card_key");
				if (key != null) {
					copies.put(key, text);
				}
				else {
					own.add(new PhraseCard(id.toString(), PhraseCard.Kind.OWN, text, null));
				}
			});
		List<PhraseCard> all = new ArrayList<>();
		for (PhraseCard card : this.cards.all()) {
			all.add(new PhraseCard(card.key(), card.kind(), copies.getOrDefault(card.key(), card.text()), card.text()));
		}
		all.addAll(own);
		return all;
	}

	/**
	 * Changes the words of a card: his copy of one of the practice's cards, or his own.
	 * Blank words on the practice's card go back to the practice's words.
	 * @throws NotFound if there is no such card of his
	 * @throws InvalidConversation if the words cannot be used
	 */
	@Transactional
	void edit(AccountId owner, String key, String text) {
		boolean shipped = this.cards.find(key).isPresent();
		UUID ownId = shipped ? null : own(owner, key);
		if (shipped && (text == null || text.isBlank())) {
			reset(owner, key);
			return;
		}
		check(text);
		if (shipped) {
			reset(owner, key);
			insert(owner, key, text);
		}
		else {
			this.jdbc.sql("UPDATE conversation_phrase SET text = :text WHERE id = :id")
				.param("text", this.encryption.seal(text.strip(), binding(ownId, owner.value())))
				.param("id", ownId)
				.update();
		}
	}

	/**
	 * Adds a card of his own.
	 * @throws InvalidConversation if the words cannot be used
	 */
	@Transactional
	void add(AccountId owner, String text) {
		check(text);
		insert(owner, null, text);
	}

	/**
	 * Takes back his change to one of the practice's cards, or removes a card of his own.
	 * @throws NotFound if there is no such card of his
	 */
	@Transactional
	void reset(AccountId owner, String key) {
		if (this.cards.find(key).isPresent()) {
			this.jdbc.sql("DELETE FROM conversation_phrase WHERE owner_id = :owner AND card_key = :key")
				.param("owner", owner.value())
				.param("key", key)
				.update();
			return;
		}
		this.jdbc.sql("DELETE FROM conversation_phrase WHERE id = :id").param("id", own(owner, key)).update();
	}

	private UUID own(AccountId owner, String key) {
		UUID id;
		try {
			id = UUID.fromString(key);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFound();
		}
		return this.jdbc
			.sql("SELECT id FROM conversation_phrase WHERE id = :id AND owner_id = :owner AND card_key IS NULL")
			.param("id", id)
			.param("owner", owner.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
	}

	private void insert(AccountId owner, String key, String text) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO conversation_phrase (id, owner_id, card_key, text, created_at)
				VALUES (:id, :owner, :key, :text, :now)
				""")
			.param("id", id)
			.param("owner", owner.value())
			.param("key", key)
			.param("text", this.encryption.seal(text.strip(), binding(id, owner.value())))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	private static void check(String text) {
		int length = (text != null) ? text.strip().length() : 0;
		if (length < 2 || length > PhraseCards.MAX_TEXT) {
			throw new InvalidConversation("text", "Write the phrase in 2 to " + PhraseCards.MAX_TEXT + " characters.");
		}
	}

	private static EncryptionBinding binding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_phrase", id, owner);
	}

}
