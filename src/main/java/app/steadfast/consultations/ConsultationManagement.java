package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.ConsultationChange.Kind;
import app.steadfast.consultations.ConsultationViews.HistoryLine;
import app.steadfast.consultations.ConsultationViews.InboxRow;
import app.steadfast.consultations.ConsultationViews.RequestView;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;
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
 * <p>
 * Inside the module, {@link TherapistAssignments} keeps which therapist each client works
 * with and {@link ClientInvitations} the invitation that makes a request a client
 * account.
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

	private final ConsultationMail mail;

	private final Encryption encryption;

	private final AccountManagement accounts;

	private final TherapistAssignments assignments;

	private final AuditLog audit;

	private final Practice practice;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Bookings appointments;

	ConsultationManagement(Consultations consultations, ConsultationChanges changes, RequestLimit limit,
			ConsultationMail mail, Encryption encryption, AccountManagement accounts, TherapistAssignments assignments,
			AuditLog audit, Practice practice, Clock clock, PlatformTransactionManager transactions,
			Bookings appointments) {
		this.appointments = appointments;
		this.consultations = consultations;
		this.changes = changes;
		this.limit = limit;
		this.mail = mail;
		this.encryption = encryption;
		this.accounts = accounts;
		this.assignments = assignments;
		this.audit = audit;
		this.practice = practice;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The therapist a client works with, if he has one. */
	@Transactional(readOnly = true)
	public Optional<TherapistAssignment> therapistOf(AccountId client) {
		return this.assignments.therapistOf(client);
	}

	/** The clients a therapist works with, longest first. */
	@Transactional(readOnly = true)
	public List<TherapistAssignment> clientsOf(AccountId therapist) {
		return this.assignments.clientsOf(therapist);
	}

	/**
	 * An admin gives a client another therapist (or his first); recorded in the audit
	 * log.
	 * @throws IllegalArgumentException if the client is not a client or the therapist not
	 * a therapist
	 */
	@Transactional
	public void reassign(AccountId admin, AccountId client, AccountId therapist) {
		this.assignments.reassign(admin, client, therapist);
	}

	/** How many requests wait for a first contact. */
	@Transactional(readOnly = true)
	public long countNew() {
		return this.consultations.countByStatus(ConsultationStatus.NEW);
	}

	/**
	 * A request that reaches the practice other than through the public form (the demo
	 * profile's waiting request): stored as new and waiting, exactly as the form stores
	 * one, without the form's limit per address and without its emails.
	 * @param name what to call him
	 * @param email his address
	 * @param message what he chose to tell
	 */
	@Transactional
	public ConsultationId receiveWaiting(String name, String email, String message) {
		return store(new ConsultationRequest(name, email, null, ContactMethod.EMAIL,
				java.util.Set.of(PreferredTime.WEEKDAY_EVENING), java.util.Set.of(Topic.REBUILDING_TRUST), message))
			.id();
	}

	private Consultation store(ConsultationRequest request) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Consultation consultation = Consultation.receive(id, request,
				this.encryption.seal(request.message(), binding(MESSAGE, id)), now);
		consultation = this.consultations.save(consultation);
		record(consultation, Kind.RECEIVED, null, now);
		return consultation;
	}

	/**
	 * Takes a request from the public form. It is stored before any email goes out, so a
	 * mail problem never loses it. A robot's request (the trap field filled in) counts
	 * against the limit but is not stored.
	 * @return the stored request; empty for a robot's
	 * @throws RequestLimitReached when the address sent too many within the window
	 * @throws SlotTaken when he chose an open time that someone else booked a moment
	 * before: nothing is stored, and he chooses again
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
			Consultation request = store(form.request());
			Optional<ConsultationForm.Chosen> chosen = form.chosen();
			if (chosen.isEmpty()) {
				return request;
			}
			// Booked with the request, or neither: a time just taken stores nothing.
			Instant now = this.clock.instant();
			this.appointments.bookConsultation(request.id(), chosen.get().therapist(), chosen.get().start());
			request.schedule(chosen.get().therapist().value(), chosen.get().start(), now);
			request = this.consultations.save(request);
			record(request, Kind.SCHEDULED, null, now);
			return request;
		});
		if (stored == null) {
			return Optional.empty();
		}
		try {
			if (stored.status() == ConsultationStatus.SCHEDULED) {
				Person therapist = this.accounts.find(new AccountId(stored.therapistId())).orElseThrow();
				this.mail.scheduled(stored, therapist, this.accounts.zone(therapist.id()));
			}
			else {
				this.mail.received(stored);
			}
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
	 * Whether the address belongs to a partner's own account: the one who was hurt, who
	 * asked for care of her own. An invitation then connects that account rather than
	 * making another, and it stays a partner's account.
	 */
	@Transactional(readOnly = true)
	boolean partnersAccount(@Nullable String email) {
		return email != null && this.accounts.findByEmail(email)
			.filter((p) -> p.role() == app.steadfast.shared.Role.PARTNER)
			.isPresent();
	}

	/**
	 * One request for a staff member, recorded in the audit log. Therapists read their
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
	 * Sets (or moves) the consultation's time, given in the time zone of the staff member
	 * who sets it (the practice's for a session that knows none), and emails the calendar
	 * invitation to him (if he gave an email) and to the therapist.
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
		Instant startsAt = ZonedDateTime.of(date, time, zoneOf(staff)).toInstant();
		c.schedule(holder.id().value(), startsAt, now);
		// His time is held like a booked one, so no open time is offered over it.
		if (!this.appointments.holdForConsultation(id, holder.id(), startsAt)) {
			throw new TriageRefused("time",
					holder.displayName() + " already has an appointment that overlaps this time. Choose another time.");
		}
		c = this.consultations.save(c);
		record(c, Kind.SCHEDULED, staff.accountId(), now);
		this.mail.scheduled(c, holder, this.accounts.zone(holder.id()));
	}

	@Transactional
	void close(ConsultationId id, @Nullable CloseReason reason, SignedIn staff) {
		Consultation c = find(id);
		if (reason == null) {
			throw new TriageRefused("reason", "Choose why the request is closed.");
		}
		c.close(reason);
		this.appointments.releaseConsultation(id);
		this.consultations.save(c);
		record(c, Kind.CLOSED, staff.accountId(), this.clock.instant());
	}

	/** The zone a staff member reads and gives times in: his own, else the practice's. */
	ZoneId zoneOf(SignedIn staff) {
		return (staff.zone() != null) ? staff.zone() : this.practice.zone();
	}

	/**
	 * Checks that the request exists, before a step whose form could not be read is
	 * refused: a request that does not exist answers 404 whatever was sent with it.
	 * @throws NotFound if there is no such request
	 */
	void require(ConsultationId id) {
		find(id);
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

	/**
	 * A free consultation's booked time was cancelled: the request waits in the inbox
	 * again, marked in its history, for staff to find another time.
	 */
	@org.springframework.context.event.EventListener
	void timeCancelled(ConsultationTimeCancelled event) {
		this.consultations.findById(event.consultation().value()).ifPresent((c) -> {
			if (c.timeCancelled(event.start())) {
				Consultation saved = this.consultations.save(c);
				record(saved, Kind.TIME_CANCELLED, c.therapistId(), event.at());
			}
		});
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

}
