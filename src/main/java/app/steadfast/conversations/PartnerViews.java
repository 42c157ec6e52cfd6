package app.steadfast.conversations;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * His partner's views of his talks: whether it escalated and how heard she felt, with an
 * optional note. A view stands beside his log and never changes it; the sharing module
 * decides who may give one and whose are shown to whom.
 */
@Service
class PartnerViews {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final RiskLanguage risk;

	private final Clock clock;

	PartnerViews(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, RiskLanguage risk, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.clock = clock;
	}

	/**
	 * Whether the viewer may add their view of the owner's talks now: the sharing module
	 * decides (his partner, through his partner share, while words travel between them).
	 */
	@Transactional(readOnly = true)
	boolean mayAddView(AccountId viewer, AccountId owner) {
		return !viewer.equals(owner) && this.sharing.mayAct(viewer, owner, Category.CONVERSATIONS);
	}

	/**
	 * His partner gives their view of a talk; giving it again replaces their earlier
	 * view. Their note is checked for risk language (a hit is reported, ids only, and
	 * never blocks saving).
	 * @return whether the note read as risk language
	 * @throws NotFound if the talk is unknown, not shared with the viewer, or the
	 * viewer's own
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	boolean give(AccountId viewer, TalkId id, Escalation escalation, Integer feltHeard, String note) {
		UUID owner = this.jdbc.sql("SELECT owner_id FROM conversation_log WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
		if (owner.equals(viewer.value())) {
			throw new NotFound();
		}
		this.sharing.requireMayAct(viewer, new AccountId(owner), Category.CONVERSATIONS, id.value() + "/view");
		Map<String, String> problems = new LinkedHashMap<>();
		if (escalation == null) {
			problems.put("escalation", "Choose whether it escalated, as you saw it.");
		}
		if (feltHeard == null || feltHeard < 1 || feltHeard > 5) {
			problems.put("feltHeard", "Choose how heard you felt, from 1 to 5.");
		}
		Plans.checkText(problems, "note", note, false, null);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		this.jdbc.sql("DELETE FROM conversation_partner_view WHERE log_id = :id AND viewer_id = :viewer")
			.param("id", id.value())
			.param("viewer", viewer.value())
			.update();
		this.jdbc.sql("""
				INSERT INTO conversation_partner_view (log_id, viewer_id, escalation, felt_heard, note, seen_at)
				VALUES (:id, :viewer, :escalation, :heard, :note, :now)
				""")
			.param("id", id.value())
			.param("viewer", viewer.value())
			.param("escalation", escalation.name())
			.param("heard", feltHeard)
			.param("note",
					this.encryption.seal((note == null || note.isBlank()) ? null : note.strip(),
							binding(id.value(), viewer.value())))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return this.risk.checkAndReport(note, viewer.value(), RiskSource.CONVERSATION, id.value()).hit();
	}

	/** Every view given of the owner's talks, by talk. */
	Map<UUID, List<TalkView.PartnerView>> of(UUID owner) {
		Map<UUID, List<TalkView.PartnerView>> views = new HashMap<>();
		this.jdbc.sql("""
				SELECT v.log_id, v.viewer_id, v.escalation, v.felt_heard, v.note FROM conversation_partner_view v
				JOIN conversation_log l ON l.id = v.log_id WHERE l.owner_id = :owner
				""").param("owner", owner).query((rs) -> {
			UUID log = rs.getObject("log_id", UUID.class);
			UUID viewer = rs.getObject("viewer_id", UUID.class);
			views.computeIfAbsent(log, (k) -> new ArrayList<>())
				.add(new TalkView.PartnerView(new AccountId(viewer), Escalation.valueOf(rs.getString("escalation")),
						rs.getInt("felt_heard"), this.encryption.open(rs.getString("note"), binding(log, viewer))));
		});
		return views;
	}

	/**
	 * What of the partner views a viewer is shown: the owner sees his linked partner's as
	 * the sharing module lets him (only while she shares conversations, so never during
	 * her safety pause); anyone else sees only their own.
	 */
	List<TalkView> seenBy(AccountId viewer, List<TalkView> talks) {
		if (talks.isEmpty()) {
			return talks;
		}
		AccountId owner = talks.get(0).owner();
		Predicate<TalkView.PartnerView> shown;
		if (viewer.equals(owner)) {
			Optional<AccountId> partner = this.sharing.channel(owner)
				.filter((c) -> c.client().equals(owner))
				.map(SharingManagement.PartnerChannel::partner)
				.filter((p) -> this.sharing.mayShowContribution(p, owner, Category.CONVERSATIONS));
			shown = (v) -> partner.isPresent() && partner.get().equals(v.viewer());
		}
		else {
			shown = (v) -> v.viewer().equals(viewer);
		}
		return talks.stream()
			.map((t) -> new TalkView(t.id(), t.owner(), t.topic(), t.topicName(), t.plan(), t.talkedOn(),
					t.defensiveness(), t.escalation(), t.breakTaken(), t.helped(), t.nextTime(), t.resolved(),
					t.partnerViews().stream().filter(shown).toList(), viewer.equals(owner) ? t.checkIn() : null))
			.toList();
	}

	private static EncryptionBinding binding(UUID log, UUID viewer) {
		return EncryptionBinding.of("conversation_partner_view", log, viewer);
	}

}
