package app.steadfast.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * What he recorded of one due day of a commitment: an aggregate of its own, because a
 * commitment gathers years of them and recording one must not load the others. Only
 * {@link Commitment#record} makes one, after checking the day was due. His words are held
 * sealed (bound to the commitment and day, and to him).
 */
class RecordedDay extends AbstractAggregateRoot<RecordedDay> implements Persistable<RecordedDay.Key> {

	@Id
	private final Key id;

	private final Outcome outcome;

	private final String note;

	private final String whatGotInTheWay;

	private final Instant recordedAt;

	@Transient
	private final boolean made;

	@PersistenceCreator
	RecordedDay(Key id, Outcome outcome, String note, String whatGotInTheWay, Instant recordedAt) {
		this(id, outcome, note, whatGotInTheWay, recordedAt, false);
	}

	private RecordedDay(Key id, Outcome outcome, String note, String whatGotInTheWay, Instant recordedAt,
			boolean made) {
		this.id = id;
		this.outcome = outcome;
		this.note = note;
		this.whatGotInTheWay = whatGotInTheWay;
		this.recordedAt = recordedAt;
		this.made = made;
	}

	/** A new record of the day, its words sealed, announcing itself when saved. */
	static RecordedDay of(CommitmentId commitment, AccountId owner, LocalDate dueDate, Outcome outcome, String note,
			String whatGotInTheWay, Instant now, Encryption encryption) {
		EncryptionBinding binding = binding(commitment.value(), dueDate, owner.value());
		RecordedDay day = new RecordedDay(new Key(commitment.value(), dueDate), outcome,
				encryption.seal(Commitment.blankToNull(note), binding),
				encryption.seal(Commitment.blankToNull(whatGotInTheWay), binding), now, true);
		day.registerEvent(new CommitmentDayRecorded(commitment, owner, dueDate));
		return day;
	}

	static EncryptionBinding binding(UUID commitment, LocalDate dueDate, UUID owner) {
		return EncryptionBinding.of("commitment_occurrence", commitment + "/" + dueDate, owner);
	}

	@Override
	public Key getId() {
		return this.id;
	}

	/**
	 * A record made here is inserted; recording a day again first removes the earlier
	 * one.
	 */
	@Override
	public boolean isNew() {
		return this.made;
	}

	Outcome outcome() {
		return this.outcome;
	}

	String note() {
		return this.note;
	}

	String whatGotInTheWay() {
		return this.whatGotInTheWay;
	}

	Instant recordedAt() {
		return this.recordedAt;
	}

	/**
	 * Which day of which commitment.
	 *
	 * @param commitmentId the commitment
	 * @param dueDate the day
	 */
	record Key(UUID commitmentId, LocalDate dueDate) {
	}

}
