package app.steadfast.couple;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quiet signal for reassurance: when both of a linked couple turned it on, she can
 * send him a one-tap signal with no words, and he is pointed to the reassurance they
 * agreed in advance (a short list each writes: what helps her, what he can offer).
 * Afterwards each can say whether it helped.
 * <p>
 * Whether anything of it travels is the sharing module's answer
 * ({@link SharingManagement#channel}): what one of the two contributed (their list, her
 * signals, his answers) is shown to the other only while words travel between them and
 * its author has it turned on. So her safety pause reads, to him, exactly like her
 * turning it off: no notice, no signal, no count, no list of hers, no email; and she
 * cannot signal while it holds.
 */
@Service
public class ReassuranceManagement {

	/** How many lines each person's list holds at most. */
	static final int MAX_ITEMS = 8;

	/** How long one line may be. */
	static final int MAX_WORDS = 200;

	/**
	 * How many signals an hour he is emailed about at most; every signal still counts.
	 */
	static final int MAILS_PER_HOUR = 3;

	/** How many signals a page lists at most. */
	static final int SHOWN = 10;

	/** The subject and first line of his email: no words of hers, nothing clinical. */
	static final String MAIL_SUBJECT = "Your partner sent you a quiet signal in Steadfast";

	/** What a read of the other's list is called in the audit log. */
	static final String AUDITED = "REASSURANCE";

	private final JdbcClient jdbc;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final Encryption encryption;

	private final Postbox postbox;

	private final Practice practice;

	private final Clock clock;

	ReassuranceManagement(JdbcClient jdbc, SharingManagement sharing, AccountManagement accounts, Encryption encryption,
			Postbox postbox, Practice practice, Clock clock) {
		this.jdbc = jdbc;
		this.sharing = sharing;
		this.accounts = accounts;
		this.encryption = encryption;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
	}

	/** Turns the quiet signal on or off for this person; off is the default. */
	@Transactional
	public void turn(AccountId me, boolean on) {
		int updated = this.jdbc
			.sql("UPDATE reassurance_setting SET turned_on = :on, changed_at = :now WHERE account_id = :me")
			.param("on", on)
			.param("now", now())
			.param("me", me.value())
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO reassurance_setting (account_id, turned_on, changed_at) VALUES (:me, :on, :now)")
				.param("me", me.value())
				.param("on", on)
				.param("now", now())
				.update();
		}
	}

	/**
	 * Adds a line to this person's list.
	 * @throws InvalidInput if it is empty or too long, or the list is full
	 */
	@Transactional
	public void add(AccountId me, @Nullable String words) {
		String line = (words == null) ? "" : words.strip();
		if (line.isEmpty()) {
			throw new InvalidInput("words", "Write one thing, in a few words.");
		}
		if (line.length() > MAX_WORDS) {
			throw new InvalidInput("words", "Keep it under " + MAX_WORDS + " characters (this has " + line.length()
					+ "). A short line is easier to act on.");
		}
		if (items(me).size() >= MAX_ITEMS) {
			throw new InvalidInput("words",
					"Your list holds up to " + MAX_ITEMS + " things. Remove one to make room for this.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO reassurance_item (id, account_id, words, created_at) VALUES (:id, :me, :w, :now)")
			.param("id", id)
			.param("me", me.value())
			.param("w", this.encryption.seal(line, binding(id, me)))
			.param("now", now())
			.update();
	}

	/**
	 * Removes a line of this person's own list.
	 * @throws NotFound if it is not one of theirs
	 */
	@Transactional
	public void remove(AccountId me, UUID item) {
		if (this.jdbc.sql("DELETE FROM reassurance_item WHERE id = :id AND account_id = :me")
			.param("id", item)
			.param("me", me.value())
			.update() != 1) {
			throw new NotFound();
		}
	}

	/**
	 * She sends him a quiet signal. He is emailed about it (no words, a link), unless he
	 * was already emailed about {@value #MAILS_PER_HOUR} in the last hour; it counts
	 * either way.
	 * @throws NotFound unless she is the partner of an open link, both turned it on, and
	 * words travel between them (never during her safety pause)
	 */
	@Transactional
	public void signal(AccountId partner) {
		Standing standing = standing(partner);
		if (!standing.partnerSide() || !standing.active()) {
			throw new NotFound();
		}
		AccountId client = standing.other();
		OffsetDateTime now = now();
		long mailedLastHour = this.jdbc.sql("""
				SELECT COUNT(*) FROM reassurance_signal WHERE client_id = :client AND mailed = TRUE AND sent_at > :since
				""")
			.param("client", client.value())
			.param("since", now.minus(Duration.ofHours(1)))
			.query(Long.class)
			.single();
		boolean mail = mailedLastHour < MAILS_PER_HOUR;
		this.jdbc.sql("""
				INSERT INTO reassurance_signal (id, partner_id, client_id, sent_at, mailed)
				VALUES (:id, :partner, :client, :now, :mailed)
				""")
			.param("id", UUID.randomUUID())
			.param("partner", partner.value())
			.param("client", client.value())
			.param("now", now)
			.param("mailed", mail)
			.update();
		if (mail) {
			this.accounts.find(client)
				.ifPresent((him) -> this.postbox.send(new Mail(him.email(), MAIL_SUBJECT, MAIL_SUBJECT + ".\n\n"
						+ this.practice.baseUrl().replaceAll("/+$", "") + "/couple/reassurance\n")));
		}
	}

	/**
	 * One of the two says whether the reassurance helped, for one signal; a new answer
	 * replaces the last.
	 * @throws NotFound if the signal is not one the person may see: hers, or, for him,
	 * one she sent him while her side is shown to him
	 */
	@Transactional
	public void helped(AccountId me, UUID signal, Helped answer) {
		Standing standing = standing(me);
		int updated;
		if (standing.partnerSide()) {
			updated = this.jdbc
				.sql("UPDATE reassurance_signal SET partner_helped = :a WHERE id = :id AND partner_id = :me")
				.param("a", answer.name())
				.param("id", signal)
				.param("me", me.value())
				.update();
		}
		else {
			updated = standing.theirsShown() ? this.jdbc.sql("""
					UPDATE reassurance_signal SET client_helped = :a
					WHERE id = :id AND client_id = :me AND partner_id = :partner
					""")
				.param("a", answer.name())
				.param("id", signal)
				.param("me", me.value())
				.param("partner", standing.other().value())
				.update() : 0;
		}
		if (updated != 1) {
			throw new NotFound();
		}
	}

	/**
	 * The quiet signal as this person may see it now. Reading the other's list is
	 * audited; for him, opening it marks her signals seen.
	 */
	@Transactional
	public ReassuranceView view(AccountId me) {
		Standing standing = standing(me);
		List<ReassuranceView.Item> theirs = List.of();
		if (standing.theirsShown()) {
			theirs = items(standing.other());
			if (!theirs.isEmpty()) {
				this.sharing.recordRead(me, standing.other(), AUDITED, "reassurance-list");
			}
		}
		List<QuietSignal> signals = signals(standing);
		if (!standing.partnerSide() && signals.stream().anyMatch((s) -> !s.seen())) {
			this.jdbc.sql("""
					UPDATE reassurance_signal SET seen_at = :now
					WHERE client_id = :me AND partner_id = :partner AND seen_at IS NULL
					""")
				.param("now", now())
				.param("me", me.value())
				.param("partner", standing.other().value())
				.update();
		}
		return new ReassuranceView(standing.partnerSide(), standing.open(), standing.mine(), standing.theirsShown(),
				standing.active(), standing.pausedByMe(), items(me), theirs, signals.stream().limit(SHOWN).toList(),
				figures(standing, signals));
	}

	/**
	 * The count of signals and the "helped" share for this person's progress page, while
	 * there is something to count on: for her, her signals to her linked partner; for
	 * him, only while her side is shown to him (so never during her safety pause).
	 */
	@Transactional(readOnly = true)
	public Optional<ReassuranceFigures> figures(AccountId me) {
		Standing standing = standing(me);
		return Optional.ofNullable(figures(standing, signals(standing)));
	}

	/** Whether she can send a signal now: both turned it on, and words travel. */
	@Transactional(readOnly = true)
	public boolean canSignal(AccountId partner) {
		Standing standing = standing(partner);
		return standing.partnerSide() && standing.active();
	}

	/**
	 * How many of her signals he has not opened yet, while her side is shown to him; 0
	 * otherwise.
	 */
	@Transactional(readOnly = true)
	public int unseen(AccountId client) {
		Standing standing = standing(client);
		if (standing.partnerSide() || !standing.theirsShown()) {
			return 0;
		}
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM reassurance_signal
				WHERE client_id = :me AND partner_id = :partner AND seen_at IS NULL
				""")
			.param("me", client.value())
			.param("partner", standing.other().value())
			.query(Integer.class)
			.single();
	}

	/**
	 * This person's own part, for the export of their data: their setting, their list,
	 * and the signals they sent or, for him, the ones shown to him now, with answers.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<?>> exported(AccountId me) {
		Standing standing = standing(me);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("quiet_signal_setting", List.of(new Setting(standing.mine())));
		tables.put("quiet_signal_list", items(me));
		List<QuietSignal> signals = standing.partnerSide() ? this.jdbc.sql("""
				SELECT * FROM reassurance_signal WHERE partner_id = :me ORDER BY sent_at DESC
				""").param("me", me.value()).query((rs, i) -> signal(rs, false)).list() : signals(standing);
		tables.put(standing.partnerSide() ? "quiet_signals_sent" : "quiet_signals_received", signals);
		return tables;
	}

	/**
	 * The person's setting, as exported.
	 *
	 * @param turnedOn whether they turned the quiet signal on
	 */
	public record Setting(boolean turnedOn) {
	}

	private @Nullable ReassuranceFigures figures(Standing standing, List<QuietSignal> signals) {
		if (!standing.linked() || (!standing.partnerSide() && !standing.theirsShown())) {
			return null;
		}
		return ReassuranceFigures.of(standing.partnerSide(), signals,
				!standing.partnerSide() || standing.theirsShown());
	}

	/**
	 * The signals between the two of the current link as the person may see them: all of
	 * hers for her (his answers only while his side is shown to her); for him, none
	 * unless her side is shown to him.
	 */
	private List<QuietSignal> signals(Standing standing) {
		if (!standing.linked() || (!standing.partnerSide() && !standing.theirsShown())) {
			return List.of();
		}
		AccountId partner = standing.partnerSide() ? standing.me() : standing.other();
		AccountId client = standing.partnerSide() ? standing.other() : standing.me();
		boolean hisShown = !standing.partnerSide() || standing.theirsShown();
		return this.jdbc.sql("""
				SELECT * FROM reassurance_signal WHERE partner_id = :partner AND client_id = :client
				ORDER BY sent_at DESC, id
				""")
			.param("partner", partner.value())
			.param("client", client.value())
			.query((rs, i) -> signal(rs, hisShown))
			.list();
	}

	private static QuietSignal signal(java.sql.ResultSet rs, boolean hisShown) throws java.sql.SQLException {
		String hers = rs.getString("partner_helped");
		String his = rs.getString("client_helped");
		return new QuietSignal(rs.getObject("id", UUID.class), rs.getTimestamp("sent_at").toInstant(),
				rs.getTimestamp("seen_at") != null, (hers != null) ? Helped.valueOf(hers) : null,
				(hisShown && his != null) ? Helped.valueOf(his) : null);
	}

	private List<ReassuranceView.Item> items(AccountId owner) {
		return this.jdbc.sql("SELECT id, words FROM reassurance_item WHERE account_id = :me ORDER BY created_at, id")
			.param("me", owner.value())
			.query((rs, i) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new ReassuranceView.Item(id, this.encryption.open(rs.getString("words"), binding(id, owner)));
			})
			.list();
	}

	private Standing standing(AccountId me) {
		Optional<PartnerChannel> channel = this.sharing.channel(me);
		boolean partnerSide = channel.map((c) -> c.partner().equals(me))
			.orElseGet(() -> this.accounts.find(me).map(Person::role).filter((r) -> r == Role.PARTNER).isPresent());
		Map<UUID, Boolean> on = new HashMap<>();
		List<UUID> ids = channel.isPresent() ? List.of(me.value(), channel.get().other(me).value())
				: List.of(me.value());
		this.jdbc.sql("SELECT account_id, turned_on FROM reassurance_setting WHERE account_id IN (:ids)")
			.param("ids", ids)
			.query((rs, i) -> on.put(rs.getObject("account_id", UUID.class), rs.getBoolean("turned_on")))
			.list();
		AccountId other = channel.map((c) -> c.other(me)).orElse(null);
		return new Standing(me, other, partnerSide, channel.map(PartnerChannel::open).orElse(false),
				channel.map(PartnerChannel::travels).orElse(false),
				channel.map(PartnerChannel::pausedByMe).orElse(false), on.getOrDefault(me.value(), false),
				other != null && on.getOrDefault(other.value(), false));
	}

	/**
	 * Where one of the two stands, from the sharing module's channel and both settings.
	 *
	 * @param other the linked partner, or {@code null}
	 * @param open whether both answered the private intake
	 * @param travels whether words travel between the two now (never during her pause)
	 */
	private record Standing(AccountId me, @Nullable AccountId other, boolean partnerSide, boolean open, boolean travels,
			boolean pausedByMe, boolean mine, boolean theirsRaw) {

		boolean linked() {
			return this.other != null && this.open;
		}

		/** Whether what the other contributed is shown to me now. */
		boolean theirsShown() {
			return linked() && this.travels && this.theirsRaw;
		}

		boolean active() {
			return theirsShown() && this.mine;
		}

		@Override
		public AccountId other() {
			if (this.other == null) {
				throw new NotFound();
			}
			return this.other;
		}

	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static EncryptionBinding binding(UUID id, AccountId owner) {
		return EncryptionBinding.of("reassurance_item", id, owner);
	}

}
