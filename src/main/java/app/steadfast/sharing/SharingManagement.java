package app.steadfast.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.NotFound;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sharing module's API: the store of grants and the one decision every capability
 * asks, for every read and every write across people. Grants are written by the screens
 * that own them (the couple and care modules); capabilities only ask: {@link #maySee} or
 * {@link #requireVisible} to show a record to someone other than its owner,
 * {@link #mayAct} or {@link #requireMayAct} for a partner writing on a record of his
 * (confirming a day, responding to a statement, her view of a talk), {@link #channel} and
 * {@link #sending} for the words that travel between a couple outside any record (her
 * questions and his answers, her requests), and {@link #mayShowContribution} before
 * showing what someone wrote on another person's record.
 * <p>
 * The partner's safety pause lives here, inside every one of those answers, so no
 * capability can forget it: while it holds nothing new travels between the two either way
 * (her grants are paused, his partner shares open nothing to her, her earlier
 * contributions are withdrawn with her paused shares, what she writes to him is held
 * until the pause ends, nothing of his reaches her, she cannot act on his records), and
 * what he sees is what he would see if she had simply shared nothing: never that a pause
 * exists, nor any read of hers.
 * <p>
 * Her questions and requests belong to no category: they are sent to him by their nature,
 * and turning every share off leaves the ones she sent with him. So the pause leaves them
 * with him too ({@link PartnerChannel#receives}): he had them already, and only their
 * disappearing would tell him. What she writes to him during the pause is kept and sent
 * when it ends ({@link #sending}, {@link #release}), as if written then.
 * <p>
 * What one of the couple wrote on the other's records counts as part of what they share
 * in that category ({@link #mayShowContribution}): it is shown only while they share the
 * category now, so turning a share off withdraws it and the pause, which pauses every
 * share of hers, reads exactly like all her shares turned off.
 * <p>
 * Some records are their owner's alone whatever she shares ({@link Category#grantable} is
 * false: her answers on her own path): no grant of them can be made, and no grant opens
 * them, so every answer here is "only the owner", for every capability that asks.
 * <p>
 * Inside the module, {@link PartnerChannels} knows the couple link and what travels on
 * it, and {@link Granting} gives, takes back, pauses and resumes grants.
 */
@Service
public class SharingManagement {

	private final ShareGrants grants;

	private final AuditLog audit;

	private final Clock clock;

	private final PartnerChannels channels;

	private final Granting granting;

	SharingManagement(ShareGrants grants, AuditLog audit, Clock clock, PartnerChannels channels, Granting granting) {
		this.grants = grants;
		this.audit = audit;
		this.clock = clock;
		this.channels = channels;
		this.granting = granting;
	}

	/**
	 * Whether the viewer may see the owner's record of this category. The owner always
	 * may. For anyone else it takes an active grant (not revoked, not paused, not
	 * expired; a partner share only while words travel between the couple, so never
	 * during her safety pause), and each allowed read is written to the audit log with
	 * the grant's kind as its reason.
	 * @param recordRef the record's id, for the audit log
	 */
	@Transactional(readOnly = true)
	public boolean maySee(AccountId viewer, AccountId owner, Category category, String recordRef) {
		if (viewer.equals(owner)) {
			return true;
		}
		Optional<Grant> grant = activeGrant(viewer, owner, category);
		grant.ifPresent((g) -> this.audit
			.record(AuditEntry.read(viewer.value(), owner.value(), category.name(), recordRef, g.kind().name())));
		return grant.isPresent();
	}

	/**
	 * {@link #maySee} for many owners at once, with a fixed number of statements: which
	 * of them let the viewer see their records of this category. The viewer always sees
	 * his own; every other allowed read is written to the audit log, one row per owner in
	 * the order given, with the reason {@link #maySee} would give.
	 * @param recordRef the records' id, for the audit log
	 * @return the owners whose records the viewer may see
	 */
	@Transactional(readOnly = true)
	public Set<AccountId> visibleAmong(AccountId viewer, Collection<AccountId> owners, Category category,
			String recordRef) {
		Set<AccountId> visible = new LinkedHashSet<>();
		List<UUID> others = owners.stream().filter((o) -> !o.equals(viewer)).map(AccountId::value).distinct().toList();
		Map<AccountId, Grant> grants = new HashMap<>();
		if (!others.isEmpty()) {
			Instant now = this.clock.instant();
			this.grants.findByGranteeIdAndCategoryAndOwnerIdIn(viewer.value(), category, others)
				.stream()
				.map(ShareGrant::view)
				.filter((g) -> opens(g, now))
				.forEach((g) -> grants.merge(g.owner(), g, (a, b) -> b.createdAt().isBefore(a.createdAt()) ? b : a));
		}
		List<AuditEntry> reads = new ArrayList<>();
		for (AccountId owner : owners) {
			if (owner.equals(viewer)) {
				visible.add(owner);
			}
			else if (grants.containsKey(owner) && visible.add(owner)) {
				reads.add(AuditEntry.read(viewer.value(), owner.value(), category.name(), recordRef,
						grants.get(owner).kind().name()));
			}
		}
		this.audit.recordAll(reads);
		return visible;
	}

	/**
	 * {@link #maySee} for records of one owner that fall in several categories (her
	 * journal holds her own entries and her answers on her path): which of these
	 * categories the viewer may see now. The owner sees them all; anyone else only those
	 * an active grant opens, never a category no one may be granted
	 * ({@link Category#grantable}), and each category allowed is one audit row. Show a
	 * record only if its category is in the answer.
	 * @param recordRef the records' id, for the audit log
	 */
	@Transactional(readOnly = true)
	public Set<Category> visibleCategories(AccountId viewer, AccountId owner, Set<Category> categories,
			String recordRef) {
		Set<Category> visible = EnumSet.noneOf(Category.class);
		for (Category category : categories) {
			if (maySee(viewer, owner, category, recordRef)) {
				visible.add(category);
			}
		}
		return visible;
	}

	/**
	 * Like {@link #maySee}, for showing a record: a refusal throws {@link NotFound}, so
	 * it answers exactly like a record that does not exist.
	 */
	public void requireVisible(AccountId viewer, AccountId owner, Category category, String recordRef) {
		if (!maySee(viewer, owner, category, recordRef)) {
			throw new NotFound();
		}
	}

	/**
	 * Whether the actor may write on the owner's record of this category now: the owner
	 * always may; anyone else only as his linked partner, through his partner share of
	 * that category, while words travel between them (both intakes answered, no safety
	 * pause). A therapist's grant only ever reads. Nothing is audited: this is the
	 * question a page asks before offering a form.
	 */
	@Transactional(readOnly = true)
	public boolean mayAct(AccountId actor, AccountId owner, Category category) {
		if (actor.equals(owner)) {
			return true;
		}
		return activeGrant(actor, owner, category).filter((g) -> g.kind() == GrantKind.PARTNER).isPresent()
				&& this.channels.travelsBetween(actor, owner);
	}

	/**
	 * Like {@link #mayAct}, for the write itself: a refusal throws {@link NotFound}, so
	 * it answers exactly like a record that is not shared with the actor; an allowed
	 * write across people is audited as a read of the record it is written on.
	 * @param recordRef the record's id, for the audit log
	 */
	@Transactional(readOnly = true)
	public void requireMayAct(AccountId actor, AccountId owner, Category category, String recordRef) {
		if (!mayAct(actor, owner, category)) {
			throw new NotFound();
		}
		if (!actor.equals(owner)) {
			this.audit.record(AuditEntry.read(actor.value(), owner.value(), category.name(), recordRef,
					GrantKind.PARTNER.name()));
		}
	}

	/**
	 * The couple link as this person may know it, for the words that travel between the
	 * two outside any record (her questions and his answers, her requests); empty when
	 * the person has no partner linked.
	 */
	@Transactional(readOnly = true)
	public Optional<PartnerChannel> channel(AccountId person) {
		return this.channels.channel(person);
	}

	/**
	 * How what this person writes to their linked partner now (her questions, her
	 * requests) is sent: at once while words travel between them; during her safety pause
	 * it is held, kept where she can see and take it back but never shown to him, until
	 * the pause ends and {@link #release} sends it as if written then. Nothing is
	 * audited.
	 * @return empty when nothing can be sent: no partner linked, or the private intakes
	 * not both answered
	 */
	@Transactional(readOnly = true)
	public Optional<Sending> sending(AccountId author) {
		return this.channels.sending(author);
	}

	/**
	 * Sends what the author wrote to their linked partner while it was held, if words
	 * travel between them now: publishes {@link HeldWordsReleased}, whose listeners send
	 * it in this same transaction. The couple module calls this when her safety answers
	 * no longer ask for the pause; while it still holds (or without an open link) nothing
	 * happens, so calling it again is harmless.
	 */
	@Transactional
	public void release(AccountId author) {
		this.channels.release(author);
	}

	/**
	 * A request his linked partner sent him and has not withdrawn, while he receives what
	 * she sends ({@link PartnerChannel#receives}); empty for anything else (another
	 * person's request, or one she wrote during her safety pause, not sent yet).
	 */
	@Transactional(readOnly = true)
	public Optional<PartnerLinks.PartnerAsked> requestTo(AccountId client, UUID request) {
		return this.channels.requestTo(client, request);
	}

	/**
	 * Whether what the author wrote on someone else's record of this category (a
	 * partner's view of a day of his commitment, her response to his statement, her view
	 * of his talk, her trust pulse) may be shown to the viewer now. Its author always
	 * sees it. Anyone else (him, or whoever he grants his records) sees it only while the
	 * author shares that category with her linked partner now: it is part of what she
	 * shares in the category, so turning the share off withdraws it, whenever it was
	 * written, and turning it on again shows it again. Her safety pause pauses every
	 * share of hers, so during it nothing she wrote is shown, exactly as if she had
	 * turned all her shares off.
	 */
	@Transactional(readOnly = true)
	public boolean mayShowContribution(AccountId author, AccountId viewer, Category category) {
		return author.equals(viewer) || this.channels.sharesWithPartner(author, category);
	}

	/**
	 * Whether what the owner's linked partner wrote on his records of this category may
	 * be shown beside them now (to him, or to anyone he grants): for figures that count
	 * her contributions without naming her, such as days she confirmed. True only while
	 * she shares that category with him, as {@link #mayShowContribution} decides; so
	 * never during her safety pause, and never without a linked partner.
	 */
	@Transactional(readOnly = true)
	public boolean partnerContributionsShown(AccountId owner, Category category) {
		return this.channels.partnerContributionsShown(owner, category);
	}

	/**
	 * The reads of the owner's records by someone else, newest first, as the owner may be
	 * shown them. No read of a partner's can happen during her safety pause (nothing
	 * travels then), so her pause leaves no trace here.
	 * @param limit how many rows of the log about him to look at
	 */
	@Transactional(readOnly = true)
	public List<AuditRecord> readsOf(AccountId owner, int limit) {
		return this.audit.about(owner.value(), limit)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.toList();
	}

	/**
	 * Records a partner's read across people that is not of a shared category (her
	 * reading his answers to her questions), once {@link #channel} said words travel.
	 * @throws NotFound if words do not travel between the two now
	 */
	@Transactional
	public void recordRead(AccountId viewer, AccountId owner, String what, String recordRef) {
		if (viewer.equals(owner)) {
			return;
		}
		if (!this.channels.travelsBetween(viewer, owner)) {
			throw new NotFound();
		}
		this.audit.record(AuditEntry.read(viewer.value(), owner.value(), what, recordRef, GrantKind.PARTNER.name()));
	}

	/**
	 * The couple link as one of its two people may know it.
	 *
	 * @param client the client (the man doing the work)
	 * @param partner his partner
	 * @param open whether both answered the private intake, so joint features are open
	 * @param travels whether words travel between the two now
	 * @param pausedByMe whether this person is the partner whose own safety answers
	 * paused it (only she is ever told; he sees a partner who simply shares nothing)
	 * @param receives whether this person is shown what the other already sent them, and
	 * may answer it: for him whenever the link is open, her safety pause included (what
	 * she sent before it stays with him, as it does when she turns her shares off; what
	 * she writes during it is held, not sent); for her only while words travel (nothing
	 * of his reaches her during her pause)
	 */
	public record PartnerChannel(AccountId client, AccountId partner, boolean open, boolean travels, boolean pausedByMe,
			boolean receives) {

		/** The other person of the link. */
		public AccountId other(AccountId me) {
			return me.equals(this.client) ? this.partner : this.client;
		}

	}

	/**
	 * How what a person writes to their linked partner now is sent.
	 *
	 * @param to the partner it is written to
	 * @param held whether it is kept until her safety pause ends instead of sent now
	 */
	public record Sending(AccountId to, boolean held) {
	}

	/**
	 * Whether a grant opens records now: active, and for a partner share, not while the
	 * couple link between the two holds words back (her safety pause, in either
	 * direction; ending the link revokes every partner share).
	 */
	private boolean opens(Grant grant, Instant now) {
		return grant.isActiveAt(now) && (grant.kind() != GrantKind.PARTNER || this.channels.channel(grant.grantee())
			.filter((c) -> c.other(grant.grantee()).equals(grant.owner()))
			.map(PartnerChannel::travels)
			.orElse(true));
	}

	/**
	 * The owner grants the grantee sight of one category. An expiry, if given, must lie
	 * in the future; break-glass grants must have one.
	 */
	@Transactional
	public GrantId grant(AccountId owner, AccountId grantee, Category category, GrantKind kind,
			@Nullable Instant expiresAt) {
		return this.granting.grant(owner, grantee, category, kind, expiresAt);
	}

	/**
	 * The owner takes a grant back; it stops opening records at once.
	 * @throws NotFound if the grant does not exist or is not the owner's
	 */
	@Transactional
	public void revoke(AccountId owner, GrantId id) {
		this.granting.revoke(owner, id);
	}

	/** Pauses a grant (the partner's safety pause); it opens nothing until resumed. */
	@Transactional
	public void pause(GrantId id) {
		this.granting.pause(id);
	}

	/** Resumes a paused grant. */
	@Transactional
	public void resume(GrantId id) {
		this.granting.resume(id);
	}

	/**
	 * Every grant the owner has made, newest first, including revoked and expired ones.
	 */
	@Transactional(readOnly = true)
	public List<Grant> grantsBy(AccountId owner) {
		return this.granting.grantsBy(owner);
	}

	/**
	 * The grants that open records to the grantee right now (a partner share only while
	 * words travel between the couple).
	 */
	@Transactional(readOnly = true)
	public List<Grant> activeGrantsTo(AccountId grantee) {
		Instant now = this.clock.instant();
		return this.grants.findByGranteeIdOrderByCreatedAtDesc(grantee.value())
			.stream()
			.map(ShareGrant::view)
			.filter((g) -> opens(g, now))
			.toList();
	}

	private Optional<Grant> activeGrant(AccountId viewer, AccountId owner, Category category) {
		Instant now = this.clock.instant();
		return this.grants.findByOwnerIdAndGranteeIdAndCategory(owner.value(), viewer.value(), category)
			.stream()
			.map(ShareGrant::view)
			.filter((g) -> opens(g, now))
			.min(Comparator.comparing(Grant::createdAt));
	}

}
