package app.steadfast.checkins;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading his check-ins one by one or newest first, opened for him or for someone the
 * sharing module lets see them, and the references another record of his may point to.
 */
@Component
class CheckInHistory {

	private final CheckIns checkIns;

	private final EmotionVocabulary vocabulary;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final JdbcClient jdbc;

	CheckInHistory(CheckIns checkIns, EmotionVocabulary vocabulary, Encryption encryption, SharingManagement sharing,
			JdbcClient jdbc) {
		this.checkIns = checkIns;
		this.vocabulary = vocabulary;
		this.encryption = encryption;
		this.sharing = sharing;
		this.jdbc = jdbc;
	}

	/**
	 * One check-in, for its owner or someone he shares check-ins with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	@Transactional(readOnly = true)
	CheckInView find(AccountId viewer, CheckInId id) {
		CheckIn checkIn = this.checkIns.findById(id.value()).orElseThrow(NotFound::new);
		this.sharing.requireVisible(viewer, new AccountId(checkIn.ownerId()), Category.CHECKINS, id.value().toString());
		return view(checkIn);
	}

	/** See {@link CheckInManagement#history}. */
	@Transactional(readOnly = true)
	List<CheckInView> history(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CHECKINS, "history");
		return newestFirst(owner, Integer.MAX_VALUE).stream().map(this::view).toList();
	}

	/**
	 * The owner's latest check-ins, newest first, at most {@code limit} of them (for him
	 * or someone he shares with): what a page shows, costing the same however long his
	 * history.
	 */
	@Transactional(readOnly = true)
	List<CheckInView> latest(AccountId viewer, AccountId owner, int limit) {
		this.sharing.requireVisible(viewer, owner, Category.CHECKINS, "history");
		return newestFirst(owner, limit).stream().map(this::view).toList();
	}

	// One query for the check-ins and their words: loading each check-in's words on its
	// own would cost a query per check-in.
	private List<CheckIn> newestFirst(AccountId owner, int limit) {
		Map<UUID, CheckIn> found = new LinkedHashMap<>();
		Map<UUID, List<CheckInWord>> words = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.id, c.occurred_at, c.intensity, c.body_location, c.trigger_text, c.response, c.response_text,
				       c.in_the_moment, c.created_at, c.updated_at, c.version, w.word
				FROM (SELECT * FROM check_in WHERE owner_id = :owner ORDER BY occurred_at DESC, id LIMIT :limit) c
				JOIN check_in_word w ON w.check_in = c.id
				ORDER BY c.occurred_at DESC, c.id, w.check_in_key
				""").param("owner", owner.value()).param("limit", limit).query((rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			words.computeIfAbsent(id, (key) -> new ArrayList<>()).add(new CheckInWord(rs.getString("word")));
			if (!found.containsKey(id)) {
				int intensity = rs.getInt("intensity");
				Integer maybeIntensity = rs.wasNull() ? null : intensity;
				String response = rs.getString("response");
				found.put(id,
						new CheckIn(id, owner.value(), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
								maybeIntensity, BodyLocation.valueOf(rs.getString("body_location")),
								rs.getString("trigger_text"), (response != null) ? Response.valueOf(response) : null,
								rs.getString("response_text"), rs.getBoolean("in_the_moment"),
								rs.getObject("created_at", OffsetDateTime.class).toInstant(),
								rs.getObject("updated_at", OffsetDateTime.class).toInstant(), List.of(),
								rs.getLong("version"), null));
			}
		});
		return found.values().stream().map((c) -> c.withWords(words.get(c.id()))).toList();
	}

	/** See {@link CheckInManagement#recent}. */
	@Transactional(readOnly = true)
	List<CheckInRef> recent(AccountId owner, int limit) {
		return this.checkIns.findTop10ByOwnerIdOrderByOccurredAtDesc(owner.value())
			.stream()
			.limit(limit)
			.map((c) -> new CheckInRef(c.id(), c.occurredAt(), c.words()))
			.toList();
	}

	/** See {@link CheckInManagement#isOwn}. */
	@Transactional(readOnly = true)
	boolean isOwn(AccountId owner, UUID checkIn) {
		return this.checkIns.findById(checkIn).filter((c) -> c.ownerId().equals(owner.value())).isPresent();
	}

	private CheckInView view(CheckIn checkIn) {
		EncryptionBinding binding = CheckInManagement.binding(checkIn);
		return new CheckInView(new CheckInId(checkIn.id()), new AccountId(checkIn.ownerId()), checkIn.words(),
				this.vocabulary.family(checkIn.words().get(0)), checkIn.intensity(), checkIn.bodyLocation(),
				this.encryption.open(checkIn.triggerText(), binding), checkIn.response(),
				this.encryption.open(checkIn.responseText(), binding), checkIn.occurredAt(), checkIn.inTheMoment());
	}

}
