package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grants a client gives his therapist, category by category, written through the
 * sharing module so every capability sees them at once; and the client's record of who
 * read what through them.
 *
 * <p>
 * A category is offered only when the module that holds its records is part of this
 * deployment (it declares URL rules under its own name), so nobody grants something no
 * page can show.
 */
@Service
class Consents {

	static final List<Consent> ALL = List.of(
			new Consent(Category.CHECKINS, "Check-ins",
					"The feelings you name, how strong they were, what set them off and what you did."),
			new Consent(Category.JOURNAL, "Journal", "What you write in your reflection journal."),
			new Consent(Category.COMMITMENTS, "Commitments",
					"Your promises and the days you kept or missed them, with your notes."),
			new Consent(Category.STATEMENTS, "Statements and answers",
					"Your accountability statements and your answers to your partner’s questions."),
			new Consent(Category.CONVERSATIONS, "Conversations", "How you prepared for hard talks and how they went."),
			new Consent(Category.INSIGHTS, "Progress", "Your progress over the weeks and any stuck signals."),
			new Consent(Category.RISK_ALERTS, "Risk alerts",
					"If something you write here sounds like you might hurt yourself or someone else, "
							+ "your therapist gets an alert to look in on you. The alert says where and when, "
							+ "never your words. Without this, nobody is told; you still see crisis lines at once."));

	private final SharingManagement sharing;

	private final Therapy therapy;

	private final AuditLog audit;

	private final ObjectProvider<ModuleAccess> modules;

	private final Clock clock;

	Consents(SharingManagement sharing, Therapy therapy, AuditLog audit, ObjectProvider<ModuleAccess> modules,
			Clock clock) {
		this.sharing = sharing;
		this.therapy = therapy;
		this.audit = audit;
		this.modules = modules;
		this.clock = clock;
	}

	/**
	 * What a partner with care of her own keeps in Steadfast and can share with her
	 * therapist: no promises, statements, talks or progress of his kind are hers to
	 * share. Her path's answers stay hers alone (the sharing module never opens them).
	 */
	static final Set<Category> PARTNERS = EnumSet.of(Category.CHECKINS, Category.JOURNAL, Category.RISK_ALERTS);

	/** The categories this deployment can show, in a fixed order. */
	List<Consent> offered() {
		return ALL.stream().filter((c) -> present(c.category())).toList();
	}

	/**
	 * The categories this person can share with their therapist: all those
	 * {@link #offered} to a client, and to a partner with care of her own only what she
	 * keeps here ({@link #PARTNERS}).
	 */
	List<Consent> offeredTo(AccountId person) {
		if (!this.therapy.partner(person)) {
			return offered();
		}
		return offered().stream().filter((c) -> PARTNERS.contains(c.category())).toList();
	}

	private boolean present(Category category) {
		String prefix = switch (category) {
			case STATEMENTS -> "/repair";
			case CONVERSATIONS -> "/conversations";
			case INSIGHTS -> "/insights";
			default -> null;
		};
		if (prefix == null) {
			return true;
		}
		return this.modules.orderedStream()
			.flatMap((m) -> m.rules().stream())
			.anyMatch((r) -> r.pattern().equals(prefix) || r.pattern().startsWith(prefix + "/"));
	}

	/** The categories the client grants this therapist right now. */
	@Transactional(readOnly = true)
	Set<Category> granted(AccountId client, AccountId therapist) {
		Instant now = this.clock.instant();
		Set<Category> granted = EnumSet.noneOf(Category.class);
		this.sharing.grantsBy(client)
			.stream()
			.filter((g) -> g.grantee().equals(therapist) && g.kind() == GrantKind.THERAPIST && g.isActiveAt(now))
			.forEach((g) -> granted.add(g.category()));
		return granted;
	}

	/**
	 * {@link #granted} for all of a therapist's clients at once, in one query: every
	 * client given gets his set, empty when he grants nothing.
	 */
	@Transactional(readOnly = true)
	Map<AccountId, Set<Category>> granted(Collection<AccountId> clients, AccountId therapist) {
		Map<AccountId, Set<Category>> granted = new LinkedHashMap<>();
		clients.forEach((client) -> granted.put(client, EnumSet.noneOf(Category.class)));
		if (clients.isEmpty()) {
			return granted;
		}
		Instant now = this.clock.instant();
		this.sharing.activeGrantsTo(therapist)
			.stream()
			.filter((g) -> granted.containsKey(g.owner()) && g.kind() == GrantKind.THERAPIST && g.isActiveAt(now))
			.forEach((g) -> granted.get(g.owner()).add(g.category()));
		return granted;
	}

	/**
	 * Turns one category on or off for the client's therapist. Off takes effect on the
	 * therapist's next request.
	 * @throws InvalidInput if he has no therapist or the category is not offered
	 */
	@Transactional
	void set(AccountId client, Category category, boolean on) {
		AccountId therapist = this.therapy.therapistOf(client)
			.orElseThrow(() -> new InvalidInput("category", "You don’t have a therapist here yet."));
		if (offeredTo(client).stream().noneMatch((c) -> c.category() == category)) {
			throw new InvalidInput("category", "That can’t be shared here yet.");
		}
		Instant now = this.clock.instant();
		List<Grant> active = this.sharing.grantsBy(client)
			.stream()
			.filter((g) -> g.grantee().equals(therapist) && g.kind() == GrantKind.THERAPIST && g.category() == category
					&& g.isActiveAt(now))
			.toList();
		if (on && active.isEmpty()) {
			this.sharing.grant(client, therapist, category, GrantKind.THERAPIST, null);
		}
		if (!on) {
			active.forEach((g) -> this.sharing.revoke(client, g.id()));
		}
	}

	/**
	 * Every read of the client's records by a therapist, newest first: who, what, when
	 * and through which grant.
	 */
	@Transactional(readOnly = true)
	List<Read> readsOfMine(AccountId client) {
		List<Read> reads = new ArrayList<>();
		this.audit.about(client.value(), 500)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.filter((row) -> GrantKind.THERAPIST.name().equals(row.reason())
					|| GrantKind.BREAK_GLASS.name().equals(row.reason()))
			.forEach((row) -> reads.add(new Read(row.occurredAt(), nameOf(row.actorId()), Consent.label(row.category()),
					GrantKind.BREAK_GLASS.name().equals(row.reason()))));
		return reads;
	}

	private String nameOf(UUID id) {
		return (id != null) ? this.therapy.nameOf(new AccountId(id)) : "Someone";
	}

	/** The client's therapist, if he has one. */
	Optional<AccountId> therapistOf(AccountId client) {
		return this.therapy.therapistOf(client);
	}

	/**
	 * One read of the client's records.
	 *
	 * @param at when
	 * @param who the reader's name
	 * @param what the category, in words
	 * @param emergency whether it came through emergency access
	 */
	record Read(Instant at, String who, String what, boolean emergency) {
	}

}
