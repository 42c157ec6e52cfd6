package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.ConsultationChange.Kind;
import app.steadfast.consultations.ConsultationViews.HistoryLine;
import app.steadfast.consultations.ConsultationViews.InboxRow;
import app.steadfast.consultations.ConsultationViews.InvitationView;
import app.steadfast.consultations.ConsultationViews.RequestView;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.shared.SingleUseTokens;
import app.steadfast.shared.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The consultations module's API. Other modules may ask which therapist a client works
 * with; the request form and the staff's triage use the rest. His message and the
 * internal note are encrypted at rest and shown to therapists only; every time staff open
 * a request, the audit log records it.
 */
@Service
public class ConsultationManagement {

	private static final Logger log = LoggerFactory.getLogger(ConsultationManagement.class);

	static final String MESSAGE = "consultation.message";

	static final String NOTE = "consultation.note";

	static final int NOTE_LIMIT = 4000;

	private static final int INBOX_LIMIT = 300;

	private final Consultations consultations;

	private final ConsultationChanges changes;

	private final RequestLimit limit;

	private final SingleUseTokens tokens;

	private final SingleUseTokens.Kind invitation;

	private final ConsultationMail mail;

	private final Encryption encryption;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Practice practice;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ConsultationManagement(Consultations consultations, ConsultationChanges changes, RequestLimit limit,
			SingleUseTokens tokens, ConsultationSettings settings, ConsultationMail mail, Encryption encryption,
			AccountManagement accounts, AuditLog audit, JdbcClient jdbc, Practice practice, Clock clock,
			PlatformTransactionManager transactions) {
		this.consultations = consultations;
		this.changes = changes;
		this.limit = limit;
		this.tokens = tokens;
		this.invitation = new SingleUseTokens.Kind("client_invitation", "consultation_id", "CLIENT_INVITATION",
				settings.invitationLifetime());
		this.mail = mail;
		this.encryption = encryption;
		this.accounts = accounts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.practice = practice;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The therapist a client works with, if he has one. */
	@Transactional(readOnly = true)
	public Optional<TherapistAssignment> therapistOf(AccountId client) {
		return this.jdbc
			.sql("SELECT client_id, therapist_id, since FROM therapist_assignment WHERE client_id = :client")
			.param("client", client.value())
			.query(ConsultationManagement::assignment)
			.optional();
	}

	/** The clients a therapist works with, longest first. */
	@Transactional(readOnly = true)
	public List<TherapistAssignment> clientsOf(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT client_id, therapist_id, since FROM therapist_assignment
				WHERE therapist_id = :therapist ORDER BY since, client_id
				""").param("therapist", therapist.value()).query(ConsultationManagement::assignment).list();
	}

	/**
	 * An admin gives a client another therapist (or his first); recorded in the audit
	 * log.
	 * @throws IllegalArgumentException if the client is not a client or the therapist not
	 * a therapist
	 */
	@Transactional
	public void reassign(AccountId admin, AccountId client, AccountId therapist) {
		if (this.accounts.find(client).filter((p) -> p.role() == Role.CLIENT).isEmpty()
				|| this.accounts.find(therapist).filter((p) -> p.role() == Role.THERAPIST).isEmpty()) {
			throw new IllegalArgumentException("Only a client can be given a therapist");
		}
		this.jdbc.sql("DELETE FROM therapist_assignment WHERE client_id = :client")
			.param("client", client.value())
			.update();
		this.jdbc.sql(
				"INSERT INTO therapist_assignment (client_id, therapist_id, since) VALUES (:client, :therapist, :since)")
			.param("client", client.value())
			.param("therapist", therapist.value())
			.param("since", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(new AuditEntry(AuditAction.CLIENT_REASSIGNED, admin.value(), client.value(), null,
				therapist.value().toString(), null, null));
	}

	/** How many requests wait for a first contact. */
	@Transactional(readOnly = true)
	public long countNew() {
		return this.consultations.countByStatus(ConsultationStatus.NEW);
	}

	/**
	 * Takes a request from the public form. It is stored before any email goes out, so a
	 * mail problem never loses it. A robot's request (the trap field filled in) counts
	 * against the limit but is not stored.
	 * @return the stored request; empty for a robot's
	 * @throws RequestLimitReached when the address sent too many within the window
	 */
	Optional<ConsultationId> receive(ConsultationForm form, String address) {
		String sender = (address != null) ? address.substring(0, Math.min(64, address.length())) : "unknown";
		Consultation stored = this.transaction.execute((status) -> {
			this.limit.blockedUntil(sender).ifPresent((until) -> {
				throw new RequestLimitReached(until);
			});
			this.limit.record(sender);
			if (form.isTrap()) {
				return null;
			}
			ConsultationRequest request = form.request();
			UUID id = UUID.randomUUID();
			Instant now = this.clock.instant();
			Consultation consultation = Consultation.receive(id, request,
					this.encryption.seal(request.message(), binding(MESSAGE, id)), now);
			consultation = this.consultations.save(consultation);
			record(consultation, Kind.RECEIVED, null, now);
			return consultation;
		});
		if (stored == null) {
			return Optional.empty();
		}
		try {
			this.mail.received(stored);
			this.mail.notifyPractice(stored);
		}
		catch (RuntimeException ex) {
			// The request is safe in the inbox; the practice sees it there.
			log.warn("A consultation request was stored but an email about it failed ({})",
					ex.getClass().getSimpleName());
		}
		return Optional.of(stored.id());
	}

	/** The inbox, newest first. */
	@Transactional(readOnly = true)
	List<InboxRow> inbox(InboxFilter filter) {
		Map<UUID, String> names = staffNames();
		Instant now = this.clock.instant();
		return this.consultations.findNewestIn(filter.statuses().stream().map(Enum::name).toList(), INBOX_LIMIT)
			.stream()
			.map((c) -> new InboxRow(c.id(), c.name(), c.status(), c.receivedAt(),
					BusinessDays.age(c.receivedAt(), now), overdue(c, now), names.get(c.therapistId()), c.scheduledAt(),
					c.contactBy().label()))
			.toList();
	}

	/**
	 * One request for a staff member, recorded in the audit log. Therapists read his
	 * message and the internal note; admins see everything else.
	 * @throws NotFound if there is no such request
	 */
	@Transactional(readOnly = true)
	RequestView view(ConsultationId id, SignedIn viewer) {
		Consultation c = find(id);
		this.audit.record(new AuditEntry(AuditAction.CONSULTATION_VIEWED, viewer.accountId(), null, "CONSULTATION",
				c.uuid().toString(), viewer.role().name(), null));
		boolean readsWriting = viewer.role() == Role.THERAPIST;
		Map<UUID, String> names = staffNames();
		Instant now = this.clock.instant();
		List<HistoryLine> history = this.changes.findByConsultationIdOrderByChangedAtAscIdAsc(c.uuid())
			.stream()
			.map((change) -> historyLine(change, names, c))
			.toList();
		return new RequestView(c.id(), c.name(), c.email(), c.phone(), c.contactBy().label(),
				c.times().stream().map(PreferredTime::label).toList(), c.topics().stream().map(Topic::label).toList(),
				readsWriting ? this.encryption.open(c.sealedMessage(), binding(MESSAGE, c.uuid())) : null,
				readsWriting ? this.encryption.open(c.sealedNote(), binding(NOTE, c.uuid())) : null, readsWriting,
				c.status(), c.closeReason(), c.therapistId(), names.get(c.therapistId()), c.scheduledAt(),
				c.receivedAt(), BusinessDays.age(c.receivedAt(), now), overdue(c, now), c.canInviteClient(),
				c.clientId() != null, history);
	}

	/** The practice's therapists, by name, for assigning. */
	@Transactional(readOnly = true)
	List<Person> therapists() {
		return this.accounts.staff().stream().filter((p) -> p.role() == Role.THERAPIST).toList();
	}

	/** Someone reached him. Only a new request changes; anything later stays as it is. */
	@Transactional
	void markContacted(ConsultationId id, SignedIn staff) {
		Consultation c = find(id);
		if (!c.status().isOpen()) {
			throw new TriageRefused("status", "This request is closed.");
		}
		Instant now = this.clock.instant();
		if (c.markContacted(now)) {
			this.consultations.save(c);
			record(c, Kind.CONTACTED, staff.accountId(), now);
		}
	}

	@Transactional
	void assign(ConsultationId id, @Nullable UUID therapist, SignedIn staff) {
		Consultation c = find(id);
		UUID chosen = requireTherapist(therapist).id().value();
		if (chosen.equals(c.therapistId())) {
			return;
		}
		c.assign(chosen);
		this.consultations.save(c);
		record(c, Kind.ASSIGNED, staff.accountId(), this.clock.instant());
	}

	/** Therapists keep an internal note (encrypted); admins never see or change it. */
	@Transactional
	void changeNote(ConsultationId id, String note, SignedIn staff) {
		// A request that does not exist is 404 before anything is said about the form.
		Consultation c = find(id);
		if (staff.role() != Role.THERAPIST) {
			throw new TriageRefused("note", "Only therapists keep notes on requests.");
		}
		String clean = ConsultationForm.text(note);
		if (clean.length() > NOTE_LIMIT) {
			throw new TriageRefused("note", "Keep the note to 4,000 characters.");
		}
		c.changeNote(StringUtils.hasText(clean) ? this.encryption.seal(clean, binding(NOTE, c.uuid())) : null);
		this.consultations.save(c);
		record(c, Kind.NOTE_CHANGED, staff.accountId(), this.clock.instant());
	}

	/**
	 * Sets (or moves) the consultation's time, in the practice's time zone, and emails
	 * the calendar invitation to him (if he gave an email) and to the therapist.
	 */
	@Transactional
	void schedule(ConsultationId id, @Nullable LocalDate date, @Nullable LocalTime time, @Nullable UUID therapist,
			SignedIn staff) {
		Consultation c = find(id);
		if (date == null) {
			throw new TriageRefused("date", "Choose the day of the consultation.");
		}
		if (time == null) {
			throw new TriageRefused("time", "Choose the time of the consultation.");
		}
		Person holder = requireTherapist(therapist);
		Instant now = this.clock.instant();
		Instant startsAt = ZonedDateTime.of(date, time, this.practice.zone()).toInstant();
		c.schedule(holder.id().value(), startsAt, now);
		c = this.consultations.save(c);
		record(c, Kind.SCHEDULED, staff.accountId(), now);
		this.mail.scheduled(c, holder);
	}

	@Transactional
	void close(ConsultationId id, @Nullable CloseReason reason, SignedIn staff) {
		Consultation c = find(id);
		if (reason == null) {
			throw new TriageRefused("reason", "Choose why the request is closed.");
		}
		c.close(reason);
		this.consultations.save(c);
		record(c, Kind.CLOSED, staff.accountId(), this.clock.instant());
	}

	/**
	 * Emails him a single-use link to create his client account, linked to his therapist.
	 * Only for a request closed because he became a client, with an email.
	 */
	@Transactional
	void inviteClient(ConsultationId id, SignedIn staff) {
		Consultation c = find(id);
		if (!c.canInviteClient()) {
			throw new TriageRefused("invitation",
					"An invitation needs a request closed as “became a client”, an email address and a therapist.");
		}
		Person therapist = this.accounts.find(new AccountId(c.therapistId())).orElseThrow(NotFound::new);
		String token = this.tokens.issue(this.invitation, c.uuid());
		record(c, Kind.CLIENT_INVITED, staff.accountId(), this.clock.instant());
		this.audit.record(new AuditEntry(AuditAction.CLIENT_INVITATION_SENT, staff.accountId(), null, "CONSULTATION",
				c.uuid().toString(), staff.role().name(), null));
		this.mail.clientInvitation(c, therapist, token);
	}

	/** What an invitation link offers, while it works. */
	@Transactional(readOnly = true)
	Optional<InvitationView> invitation(String token) {
		return this.tokens.peek(this.invitation, token)
			.flatMap(this.consultations::findById)
			.filter((c) -> c.clientId() == null && c.email() != null && c.therapistId() != null)
			.map((c) -> new InvitationView(c.name(), c.email(),
					this.accounts.find(new AccountId(c.therapistId()))
						.map(Person::displayName)
						.orElse("Your therapist")));
	}

	/**
	 * Creates his client account through the invitation (the accounts module checks the
	 * password, hashes it and records the sign-up) and links him to his therapist. All or
	 * nothing: if the account cannot be created, the link still works.
	 * @throws NotFound if the link is unknown, used or expired
	 */
	@Transactional
	Person acceptInvitation(String token, String displayName, String password, @Nullable String address) {
		Consultation c = redeem(token);
		Person client = this.accounts.signUpInvited(c.email(), displayName, password, address);
		join(c, client.id());
		return client;
	}

	/**
	 * Links the account he already has, signed in with the address the invitation went
	 * to, to his therapist.
	 * @throws NotFound if the link does not work, or belongs to another address
	 */
	@Transactional
	void acceptInvitationSignedIn(String token, SignedIn person) {
		Person client = this.accounts.find(new AccountId(person.accountId()))
			.filter((p) -> p.role() == Role.CLIENT)
			.orElseThrow(NotFound::new);
		Consultation c = redeem(token);
		if (!client.email().equalsIgnoreCase(c.email())) {
			throw new NotFound();
		}
		join(c, client.id());
	}

	private Consultation redeem(String token) {
		return this.tokens.consume(this.invitation, token)
			.flatMap(this.consultations::findById)
			.filter((c) -> c.clientId() == null && c.email() != null && c.therapistId() != null)
			.orElseThrow(NotFound::new);
	}

	private void join(Consultation c, AccountId client) {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM therapist_assignment WHERE client_id = :client")
			.param("client", client.value())
			.update();
		this.jdbc.sql(
				"INSERT INTO therapist_assignment (client_id, therapist_id, since) VALUES (:client, :therapist, :since)")
			.param("client", client.value())
			.param("therapist", c.therapistId())
			.param("since", now.atOffset(ZoneOffset.UTC))
			.update();
		c.joined(client.value());
		this.consultations.save(c);
		record(c, Kind.CLIENT_JOINED, client.value(), now);
	}

	private Consultation find(ConsultationId id) {
		return this.consultations.findById(id.value()).orElseThrow(NotFound::new);
	}

	private Person requireTherapist(@Nullable UUID therapist) {
		if (therapist == null) {
			throw new TriageRefused("therapist", "Choose a therapist.");
		}
		return this.accounts.find(new AccountId(therapist))
			.filter((p) -> p.role() == Role.THERAPIST)
			.orElseThrow(() -> new TriageRefused("therapist", "Choose one of the practice's therapists."));
	}

	private boolean overdue(Consultation c, Instant now) {
		return c.status() == ConsultationStatus.NEW
				&& now.isAfter(BusinessDays.answerDue(c.receivedAt(), this.practice.zone()));
	}

	private void record(Consultation c, Kind kind, @Nullable UUID actor, Instant now) {
		this.changes.save(ConsultationChange.of(c, kind, actor, now));
	}

	private HistoryLine historyLine(ConsultationChange change, Map<UUID, String> names, Consultation c) {
		String detail = switch (change.kind()) {
			case ASSIGNED -> names.getOrDefault(change.therapistId(), "a former therapist");
			case SCHEDULED -> "with " + names.getOrDefault(change.therapistId(), "a former therapist");
			case CLOSED -> (change.closeReason() != null) ? change.closeReason().label() : null;
			default -> null;
		};
		String who = (change.actorId() == null) ? "Sent by " + c.name() + " through the form" : names
			.getOrDefault(change.actorId(), (change.kind() == Kind.CLIENT_JOINED) ? c.name() : "A former staff member");
		return new HistoryLine(change.kind().label(), detail, who, change.changedAt());
	}

	private Map<UUID, String> staffNames() {
		Map<UUID, String> names = new HashMap<>();
		this.accounts.staff().forEach((p) -> names.put(p.id().value(), p.displayName()));
		return names;
	}

	private static EncryptionBinding binding(String column, UUID id) {
		// The request is its own owner: he has no account.
		return EncryptionBinding.of(column, id, id);
	}

	private static TherapistAssignment assignment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TherapistAssignment(new AccountId(rs.getObject("client_id", UUID.class)),
				new AccountId(rs.getObject("therapist_id", UUID.class)),
				rs.getObject("since", java.time.OffsetDateTime.class).toInstant());
	}

}
