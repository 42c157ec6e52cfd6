package app.steadfast.couple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.shared.SingleUseTokens;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.PartnerLinks;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The couple module's API: invitation and link, the private intake and its safety pause,
 * and the sharing each person sets for their own records. Grants live in the sharing
 * module; this module writes them and pauses them.
 */
@Service
public class CoupleManagement {

	/**
	 * The categories that can be shared with a partner today: each has its own screens. A
	 * share covers what the person wrote on the partner's records of its category too
	 * (her views of his commitment days, say), so turning it off withdraws those as well.
	 */
	public static final Set<Category> SHAREABLE = EnumSet.of(Category.CHECKINS, Category.JOURNAL, Category.COMMITMENTS,
			Category.STATEMENTS, Category.CONVERSATIONS, Category.PULSE);

	/** A partner's invitation: one working link per inviting client, for 7 days. */
	static final SingleUseTokens.Kind INVITATION = new SingleUseTokens.Kind("partner_invitation", "client_id",
			"PARTNER_INVITATION", Duration.ofDays(7));

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final SharingManagement sharing;

	private final Encryption encryption;

	private final AuditLog audit;

	private final Postbox postbox;

	private final Practice practice;

	private final Clock clock;

	private final SingleUseTokens tokens;

	CoupleManagement(JdbcClient jdbc, AccountManagement accounts, SharingManagement sharing, Encryption encryption,
			AuditLog audit, Postbox postbox, Practice practice, Clock clock, SingleUseTokens tokens) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sharing = sharing;
		this.encryption = encryption;
		this.audit = audit;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
		this.tokens = tokens;
	}

	/** The person's linked partner, if they have one. */
	@Transactional(readOnly = true)
	public Optional<AccountId> partnerOf(AccountId person) {
		return activeLink(person).map((link) -> link.other(person));
	}

	/** The person's active link, seen from either side, for other modules. */
	@Transactional(readOnly = true)
	public Optional<PartnerLinks.PartnerLink> linkOf(AccountId person) {
		// One statement: the sharing module asks this for every read across people.
		return this.jdbc.sql("""
				SELECT l.client_id, l.partner_id, mine.account_id AS client_done, hers.account_id AS partner_done,
				       hers.safety_pause
				FROM couple_link l
				LEFT JOIN couple_intake mine ON mine.account_id = l.client_id
				LEFT JOIN couple_intake hers ON hers.account_id = l.partner_id
				WHERE (l.client_id = :me OR l.partner_id = :me) AND l.ended_at IS NULL
				""")
			.param("me", person.value())
			.query((rs, i) -> new PartnerLinks.PartnerLink(new AccountId(rs.getObject("client_id", UUID.class)),
					new AccountId(rs.getObject("partner_id", UUID.class)),
					rs.getObject("client_done") != null && rs.getObject("partner_done") != null,
					rs.getObject("partner_done") != null && rs.getBoolean("safety_pause")))
			.optional();
	}

	/** Where the person stands with their partner. */
	@Transactional(readOnly = true)
	public LinkState state(AccountId me) {
		Optional<Link> link = activeLink(me);
		boolean mine = intakeDone(me);
		// His invitation to her, or hers to him: one statement either way.
		boolean pending = this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM partner_invitation
				        WHERE client_id = :me AND used_at IS NULL AND expires_at > :now)
				     + (SELECT COUNT(*) FROM partner_sent_invitation
				        WHERE partner_id = :me AND used_at IS NULL AND expires_at > :now)
				""").param("me", me.value()).param("now", now()).query(Long.class).single() > 0;
		if (link.isEmpty()) {
			// A partner on her own is told of her own pause: there is no one to hide it
			// from, and her safety page stays one tap away.
			return new LinkState(null, null, null, mine, false, mine && safetyPause(me), pending);
		}
		AccountId partner = link.get().other(me);
		String name = this.accounts.find(partner).map(Person::displayName).orElse(null);
		boolean both = mine && intakeDone(partner);
		// Only the partner whose safety answers asked for it is told of the pause: to him
		// she is a partner who simply shares nothing.
		boolean paused = paused(link.get()) && link.get().partner().equals(me);
		return new LinkState(partner, name, link.get().linkedAt(), mine, both, paused, pending);
	}

	/**
	 * A client invites his partner by email. A newer invitation replaces an unused older
	 * one.
	 * @throws NotFound if he already has a partner linked, or is not a client
	 */
	@Transactional
	public void invite(AccountId client, String email) {
		Person him = this.accounts.find(client).filter((p) -> p.role() == Role.CLIENT).orElseThrow(NotFound::new);
		if (activeLink(client).isPresent()) {
			throw new NotFound();
		}
		String token = this.tokens.issue(INVITATION, client.value());
		this.audit.record(AuditEntry.security(AuditAction.PARTNER_INVITED, client.value(), client.value(), null));
		this.postbox.send(new Mail(email.strip(), him.displayName() + " invited you to " + this.practice.name(),
				"""
						Hello,

						%s is working on rebuilding trust with the help of %s, and has invited you to join with an account of your own.

						Your account would be yours: what you write stays private unless you choose to share it, and you can end the link at any time. There is no obligation to say yes.

						If you'd like to join, open this link (it works once, for 7 days):

						%s

						If you'd rather not, you can ignore this email.
						"""
					.formatted(him.displayName(), this.practice.name(), link(token))));
	}

	/** The client whose invitation this token is, while it still works. */
	@Transactional(readOnly = true)
	public Optional<Person> invitedBy(String token) {
		return validInvitation(token).flatMap(this.accounts::find);
	}

	/**
	 * Accepts an invitation with a new partner account.
	 * @throws NotFound if the invitation no longer works
	 * @throws app.steadfast.accounts.InvalidAccountInput if the account details are
	 * refused
	 */
	@Transactional
	public Person acceptWithNewAccount(String token, String email, String name, String password,
			@Nullable String address) {
		AccountId client = validInvitation(token).orElseThrow(NotFound::new);
		Person partner = this.accounts.signUpPartner(email, name, password, address);
		link(token, client, partner.id());
		return partner;
	}

	/**
	 * Accepts an invitation with the partner account already signed in.
	 * @throws NotFound if the invitation no longer works, the account is not a partner
	 * account, or it is already linked
	 */
	@Transactional
	public void acceptWithAccount(String token, AccountId partner) {
		AccountId client = validInvitation(token).orElseThrow(NotFound::new);
		this.accounts.find(partner).filter((p) -> p.role() == Role.PARTNER).orElseThrow(NotFound::new);
		if (activeLink(partner).isPresent()) {
			throw new NotFound();
		}
		link(token, client, partner);
	}

	/**
	 * Either partner ends the link, at once and without a reason; every share between
	 * them ends too.
	 */
	@Transactional
	public void end(AccountId me) {
		Link link = activeLink(me).orElseThrow(NotFound::new);
		AccountId other = link.other(me);
		for (AccountId owner : List.of(me, other)) {
			AccountId grantee = owner.equals(me) ? other : me;
			for (Grant grant : this.sharing.grantsBy(owner)) {
				if (grant.grantee().equals(grantee) && grant.kind() == GrantKind.PARTNER && grant.revokedAt() == null) {
					this.sharing.revoke(owner, grant.id());
				}
			}
		}
		this.jdbc.sql("UPDATE couple_link SET ended_at = :now, ended_by = :me WHERE id = :id")
			.param("now", now())
			.param("me", me.value())
			.param("id", link.id())
			.update();
		this.audit.record(AuditEntry.security(AuditAction.PARTNER_UNLINKED, me.value(), other.value(), null));
	}

	/** The person's own intake answers, if they gave them. */
	@Transactional(readOnly = true)
	public Optional<IntakeAnswers> intake(AccountId me) {
		return this.jdbc.sql("SELECT answers FROM couple_intake WHERE account_id = :me")
			.param("me", me.value())
			.query(String.class)
			.optional()
			.map((sealed) -> IntakeCodec.decode(this.encryption.open(sealed, intakeBinding(me))));
	}

	/**
	 * Saves the person's private intake. A partner's answers that ask for safety pause
	 * every share of theirs with him at once; answers that no longer do resume them, and
	 * send him what she wrote to him while they held.
	 */
	@Transactional
	public void answerIntake(AccountId me, IntakeAnswers answers) {
		Person person = this.accounts.find(me).orElseThrow(NotFound::new);
		boolean pause = person.role() == Role.PARTNER && answers.asksForPause();
		String sealed = this.encryption.seal(IntakeCodec.encode(answers), intakeBinding(me));
		int updated = this.jdbc.sql("""
				UPDATE couple_intake SET answers = :answers, safety_pause = :pause, answered_at = :now
				WHERE account_id = :me
				""")
			.param("answers", sealed)
			.param("pause", pause)
			.param("now", now())
			.param("me", me.value())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO couple_intake (account_id, answers, safety_pause, answered_at)
					VALUES (:me, :answers, :pause, :now)
					""")
				.param("me", me.value())
				.param("answers", sealed)
				.param("pause", pause)
				.param("now", now())
				.update();
		}
		applyPause(me, pause);
	}

	/** Whether the safety screen asked for a pause for this partner. */
	@Transactional(readOnly = true)
	public boolean safetyPause(AccountId partner) {
		return this.jdbc.sql("SELECT safety_pause FROM couple_intake WHERE account_id = :me")
			.param("me", partner.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The categories the person shares with their partner now. */
	@Transactional(readOnly = true)
	public Set<Category> sharedWithPartner(AccountId me) {
		Set<Category> shared = EnumSet.noneOf(Category.class);
		partnerOf(me).ifPresent((partner) -> this.sharing.grantsBy(me)
			.stream()
			.filter((g) -> g.grantee().equals(partner) && g.kind() == GrantKind.PARTNER && g.revokedAt() == null)
			.forEach((g) -> shared.add(g.category())));
		return shared;
	}

	/**
	 * Turns sharing of one category with the partner on or off. Off takes effect on the
	 * very next request. Sharing opens only once both have answered the intake.
	 * @throws NotFound if there is no partner, or the joint features are not open yet
	 */
	@Transactional
	public void share(AccountId me, Category category, boolean on) {
		AccountId partner = partnerOf(me).orElseThrow(NotFound::new);
		if (!SHAREABLE.contains(category) || !intakeDone(me) || !intakeDone(partner)) {
			throw new NotFound();
		}
		List<Grant> current = this.sharing.grantsBy(me)
			.stream()
			.filter((g) -> g.grantee().equals(partner) && g.category() == category && g.kind() == GrantKind.PARTNER
					&& g.revokedAt() == null)
			.toList();
		if (on && current.isEmpty()) {
			var id = this.sharing.grant(me, partner, category, GrantKind.PARTNER, null);
			if (safetyPause(me)) {
				this.sharing.pause(id);
			}
		}
		if (!on) {
			current.forEach((g) -> this.sharing.revoke(me, g.id()));
		}
	}

	/**
	 * Who read the person's records through a share, and when: newest first, as the
	 * sharing module lets him know them (never a partner's reads during her safety
	 * pause).
	 */
	@Transactional(readOnly = true)
	public List<AuditRecord> readsOfMine(AccountId me) {
		return this.sharing.readsOf(me, 200);
	}

	private void applyPause(AccountId me, boolean pause) {
		if (!pause) {
			this.sharing.release(me);
		}
		partnerOf(me).ifPresent((partner) -> this.sharing.grantsBy(me)
			.stream()
			.filter((g) -> g.grantee().equals(partner) && g.kind() == GrantKind.PARTNER && g.revokedAt() == null
					&& g.paused() != pause)
			.forEach((g) -> {
				if (pause) {
					this.sharing.pause(g.id());
				}
				else {
					this.sharing.resume(g.id());
				}
			}));
	}

	/**
	 * Links a client and a partner whose accounts were prepared together (the demo
	 * practice), as an accepted invitation would, without the email and its link.
	 * @throws NotFound if either account is not of its role, or either is linked already
	 */
	@Transactional
	public void linkPrepared(AccountId client, AccountId partner) {
		this.accounts.find(client).filter((p) -> p.role() == Role.CLIENT).orElseThrow(NotFound::new);
		this.accounts.find(partner).filter((p) -> p.role() == Role.PARTNER).orElseThrow(NotFound::new);
		if (activeLink(client).isPresent() || activeLink(partner).isPresent()) {
			throw new NotFound();
		}
		insertLink(client, partner);
	}

	private void link(String token, AccountId client, AccountId partner) {
		boolean used = this.tokens.consume(INVITATION, token).filter(client.value()::equals).isPresent();
		if (!used || activeLink(client).isPresent()) {
			throw new NotFound();
		}
		insertLink(client, partner);
	}

	void insertLink(AccountId client, AccountId partner) {
		this.jdbc.sql("""
				INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :client, :partner, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("client", client.value())
			.param("partner", partner.value())
			.param("now", now())
			.update();
		this.audit.record(AuditEntry.security(AuditAction.PARTNER_LINKED, partner.value(), client.value(), null));
		// What she wrote to him during a pause that outlived their last link waits with
		// her; it is sent now if words travel again, or when the pause ends.
		this.sharing.release(partner);
	}

	private Optional<AccountId> validInvitation(String token) {
		return this.tokens.peek(INVITATION, token).map(AccountId::new);
	}

	record Link(UUID id, AccountId client, AccountId partner, Instant linkedAt) {

		AccountId other(AccountId me) {
			return me.equals(this.client) ? this.partner : this.client;
		}

	}

	private Optional<Link> activeLink(AccountId person) {
		return this.jdbc.sql("""
				SELECT id, client_id, partner_id, linked_at FROM couple_link
				WHERE (client_id = :me OR partner_id = :me) AND ended_at IS NULL
				""")
			.param("me", person.value())
			.query((rs, i) -> new Link(rs.getObject("id", UUID.class),
					new AccountId(rs.getObject("client_id", UUID.class)),
					new AccountId(rs.getObject("partner_id", UUID.class)),
					rs.getObject("linked_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	private boolean paused(Link link) {
		return safetyPause(link.partner());
	}

	boolean intakeDone(AccountId person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM couple_intake WHERE account_id = :me")
			.param("me", person.value())
			.query(Long.class)
			.single() > 0;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private String link(String token) {
		return this.practice.baseUrl().replaceAll("/+$", "") + "/couple/join?token=" + token;
	}

	private static EncryptionBinding intakeBinding(AccountId me) {
		return EncryptionBinding.of("couple_intake", me, me);
	}

	static String hash(String token) {
		return SingleUseTokens.hash(token);
	}

}
