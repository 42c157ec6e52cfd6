package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A commitment with its pauses and earlier wording: every change to it goes through here,
 * which guards its rule and announces it when the commitment is saved. Its words are held
 * sealed (bound to this commitment and its owner); it seals what it is given and opens
 * only what a rule needs. The days he recorded and what his partner saw are aggregates of
 * their own (a commitment gathers years of them); this one makes them, once it has
 * checked that the day was due.
 */
class Commitment extends AbstractAggregateRoot<Commitment> {

	private static final Pattern VAGUE = Pattern.compile(
			"\\b(better|more|less|try|trying|improve|nicer|good|always|never|enough|work on)\\b",
			Pattern.CASE_INSENSITIVE);

	@Id
	private final UUID id;

	private final UUID ownerId;

	private String title;

	private String why;

	private final Recurrence recurrence;

	private final String weekdays;

	private final LocalDate onceDate;

	private final LocalTime dueTime;

	private final LocalDate startDate;

	private LocalDate endDate;

	private CommitmentStatus status;

	private final Instant createdAt;

	private Instant updatedAt;

	private LocalTime remindAt;

	private final UUID fromRequest;

	@MappedCollection
	private final Set<Pause> pauses;

	@MappedCollection
	private final Set<EarlierWording> wordings;

	@Version
	private Long version;

	@PersistenceCreator
	Commitment(UUID id, UUID ownerId, String title, String why, Recurrence recurrence, String weekdays,
			LocalDate onceDate, LocalTime dueTime, LocalDate startDate, LocalDate endDate, CommitmentStatus status,
			Instant createdAt, Instant updatedAt, LocalTime remindAt, UUID fromRequest, Set<Pause> pauses,
			Set<EarlierWording> wordings, Long version) {
		this.id = id;
		this.ownerId = ownerId;
		this.title = title;
		this.why = why;
		this.recurrence = recurrence;
		this.weekdays = weekdays;
		this.onceDate = onceDate;
		this.dueTime = dueTime;
		this.startDate = startDate;
		this.endDate = endDate;
		this.status = status;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.remindAt = remindAt;
		this.fromRequest = fromRequest;
		this.pauses = (pauses != null) ? new HashSet<>(pauses) : new HashSet<>();
		this.wordings = (wordings != null) ? new HashSet<>(wordings) : new HashSet<>();
		this.version = version;
	}

	/**
	 * A new running commitment, its words sealed.
	 * @param fromRequest the partner's request it answers, already found to stand, or
	 * {@code null}
	 * @throws InvalidCommitment if the wording or the schedule cannot be used
	 */
	static Commitment make(AccountId owner, CommitmentDetails details, UUID fromRequest, LocalDate today, Instant now,
			Encryption encryption) {
		check(details, today);
		UUID id = UUID.randomUUID();
		boolean weekly = details.recurrence() == Recurrence.WEEKLY;
		boolean once = details.recurrence() == Recurrence.ONCE;
		return new Commitment(id, owner.value(),
				encryption.seal(details.title().strip(), titleBinding(id, owner.value())),
				encryption.seal(blankToNull(details.why()), whyBinding(id, owner.value())), details.recurrence(),
				weekly ? days(details.weekdays()) : null, once ? details.onceDate() : null, details.dueTime(),
				(details.startDate() != null) ? details.startDate() : today, details.endDate(), CommitmentStatus.ACTIVE,
				now, now, details.remindAt(), fromRequest, Set.of(), Set.of(), null);
	}

	/**
	 * Pauses it from today: nothing falls due until it is resumed.
	 * @throws InvalidCommitment unless it is running
	 */
	void pause(LocalDate today, Instant now) {
		if (this.status != CommitmentStatus.ACTIVE) {
			throw new InvalidCommitment("status", "Only a running commitment can be paused.");
		}
		// Paused and resumed earlier today: this pause takes that one's place.
		this.pauses.removeIf((pause) -> pause.pausedOn().equals(today));
		this.pauses.add(new Pause(today, null));
		changed(CommitmentStatus.PAUSED, now);
		registerEvent(new CommitmentPaused(commitmentId(), owner(), today));
	}

	/**
	 * Resumes it: it falls due again from today.
	 * @throws InvalidCommitment unless it is paused
	 */
	void resume(LocalDate today, Instant now) {
		if (this.status != CommitmentStatus.PAUSED) {
			throw new InvalidCommitment("status", "Only a paused commitment can be resumed.");
		}
		List<Pause> open = this.pauses.stream().filter(Pause::open).toList();
		this.pauses.removeAll(open);
		open.forEach((pause) -> this.pauses.add(pause.endedOn(today)));
		changed(CommitmentStatus.ACTIVE, now);
		registerEvent(new CommitmentResumed(commitmentId(), owner(), today));
	}

	/**
	 * Ends it: today is its last possible due date (or its own last day, if that came
	 * first); its record stays. Ending it again changes nothing.
	 */
	void end(LocalDate today, Instant now) {
		if (this.status == CommitmentStatus.ENDED) {
			return;
		}
		this.endDate = (this.endDate != null && this.endDate.isBefore(today)) ? this.endDate : today;
		changed(CommitmentStatus.ENDED, now);
		registerEvent(new CommitmentEnded(commitmentId(), owner(), this.endDate));
	}

	/**
	 * Rewrites its wording and reason; the earlier wording is kept when it changed.
	 * @throws InvalidCommitment if the wording cannot be used
	 */
	void reword(String title, String why, Instant now, Encryption encryption) {
		checkWording(title, why);
		String old = title(encryption);
		if (!old.equals(title.strip())) {
			this.wordings.add(EarlierWording.of(this.id, this.ownerId, old, now, encryption));
		}
		this.title = encryption.seal(title.strip(), titleBinding(this.id, this.ownerId));
		this.why = encryption.seal(blankToNull(why), whyBinding(this.id, this.ownerId));
		this.updatedAt = now;
		registerEvent(new CommitmentReworded(commitmentId(), owner()));
	}

	/** Sets or clears the time he is reminded on its due days. */
	void remindAt(LocalTime time, Instant now) {
		this.remindAt = time;
		this.updatedAt = now;
	}

	/**
	 * What happened on a due date, to be saved in place of any earlier record of it.
	 * @throws InvalidCommitment without an outcome, if the day has not come or was not
	 * due, or if the words are too long
	 */
	RecordedDay record(LocalDate dueDate, Outcome outcome, String note, String whatGotInTheWay, LocalDate today,
			Instant now, Encryption encryption) {
		if (outcome == null) {
			throw new InvalidCommitment("outcome", "Choose kept or missed.");
		}
		if (dueDate == null || dueDate.isAfter(today)) {
			throw new InvalidCommitment("dueDate", "You can record a day once it has come.");
		}
		if (!due(dueDate)) {
			throw new InvalidCommitment("dueDate", "That day isn't one this commitment was due.");
		}
		if (length(note) > CommitmentDetails.MAX_TEXT || length(whatGotInTheWay) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("note", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
		return RecordedDay.of(commitmentId(), owner(), dueDate, outcome, note, whatGotInTheWay, now, encryption);
	}

	/**
	 * What someone else saw of a due date, to be saved in place of her earlier view of
	 * it. Whether she may say it is the sharing module's answer, asked before.
	 * @throws InvalidCommitment without a view, if the day has not come or was not due,
	 * or if the note is too long
	 */
	WitnessedDay witness(AccountId witness, LocalDate dueDate, Seen seen, String note, LocalDate today, Instant now,
			Encryption encryption) {
		if (seen == null) {
			throw new InvalidCommitment("seen", "Choose what you saw.");
		}
		if (dueDate == null || dueDate.isAfter(today) || !due(dueDate)) {
			throw new InvalidCommitment("dueDate", "That day isn't one this commitment was due yet.");
		}
		if (length(note) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("note", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
		return WitnessedDay.of(commitmentId(), owner(), dueDate, witness, seen, note, now, encryption);
	}

	/** Whether the day is one of its due dates (no pause covers it). */
	boolean due(LocalDate day) {
		return !Occurrences
			.dueDates(this.recurrence, weekdays(), this.onceDate, this.startDate, this.endDate, this.pauses, day, day)
			.isEmpty();
	}

	UUID id() {
		return this.id;
	}

	CommitmentId commitmentId() {
		return new CommitmentId(this.id);
	}

	AccountId owner() {
		return new AccountId(this.ownerId);
	}

	CommitmentStatus status() {
		return this.status;
	}

	LocalDate endDate() {
		return this.endDate;
	}

	LocalTime remindAt() {
		return this.remindAt;
	}

	Set<DayOfWeek> weekdays() {
		return weekdays(this.weekdays);
	}

	Set<Pause> pauses() {
		return Set.copyOf(this.pauses);
	}

	Set<EarlierWording> wordings() {
		return Set.copyOf(this.wordings);
	}

	/** The current wording, opened. */
	String title(Encryption encryption) {
		return encryption.open(this.title, titleBinding(this.id, this.ownerId));
	}

	/** The reason, opened, or {@code null}. */
	String why(Encryption encryption) {
		return encryption.open(this.why, whyBinding(this.id, this.ownerId));
	}

	private void changed(CommitmentStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	private static void check(CommitmentDetails details, LocalDate today) {
		checkWording(details.title(), details.why());
		if (details.recurrence() == null) {
			throw new InvalidCommitment("recurrence", "Choose how often it's due.");
		}
		if (details.recurrence() == Recurrence.WEEKLY && details.weekdays().isEmpty()) {
			throw new InvalidCommitment("weekdays", "Choose at least one day.");
		}
		if (details.recurrence() == Recurrence.ONCE
				&& (details.onceDate() == null || details.onceDate().isBefore(today))) {
			throw new InvalidCommitment("onceDate", "Choose the day: today or later.");
		}
		LocalDate start = (details.startDate() != null) ? details.startDate() : today;
		if (start.isBefore(today)) {
			throw new InvalidCommitment("startDate", "Start today or later; you can't promise the past.");
		}
		if (details.endDate() != null && details.endDate().isBefore(start)) {
			throw new InvalidCommitment("endDate", "The last day can't come before the first.");
		}
		if (details.recurrence() == Recurrence.ONCE && details.onceDate() != null && (details.onceDate().isBefore(start)
				|| (details.endDate() != null && details.onceDate().isAfter(details.endDate())))) {
			throw new InvalidCommitment("onceDate", "Choose a day between its first and last day.");
		}
	}

	private static void checkWording(String title, String why) {
		int length = (title != null) ? title.strip().length() : 0;
		if (length < 3 || length > CommitmentDetails.MAX_TITLE) {
			throw new InvalidCommitment("title",
					"Say what you'll do in 3 to " + CommitmentDetails.MAX_TITLE + " characters.");
		}
		if (length(why) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("why", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
	}

	/**
	 * Whether wording may be hard to check: nothing countable, or a word like "better".
	 */
	static boolean vague(String title) {
		if (title == null) {
			return true;
		}
		boolean countable = title.chars().anyMatch(Character::isDigit);
		return VAGUE.matcher(title).find() || (!countable && title.strip().split("\\s+").length < 3);
	}

	/** The weekdays as stored: ISO day numbers, comma-separated. */
	static Set<DayOfWeek> weekdays(String stored) {
		return (stored == null || stored.isBlank()) ? Set.of()
				: Arrays.stream(stored.split(","))
					.map((d) -> DayOfWeek.of(Integer.parseInt(d.strip())))
					.collect(Collectors.toUnmodifiableSet());
	}

	private static String days(Set<DayOfWeek> days) {
		return days.stream().sorted().map((d) -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
	}

	static EncryptionBinding titleBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("commitment.title", id, owner);
	}

	static EncryptionBinding whyBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("commitment.why", id, owner);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

}
