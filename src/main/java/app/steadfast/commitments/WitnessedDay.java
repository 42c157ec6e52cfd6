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
 * What his partner said she saw of one due day: it stands beside his record and never
 * changes it. Only {@link Commitment#witness} makes one, after checking the day was due.
 * Her note is held sealed (bound to the commitment and day, and to her).
 */
class WitnessedDay extends AbstractAggregateRoot<WitnessedDay> implements Persistable<WitnessedDay.Key> {

	@Id
	private final Key id;

	private final Seen seen;

	private final String note;

	private final Instant seenAt;

	@Transient
	private final boolean made;

	@PersistenceCreator
	WitnessedDay(Key id, Seen seen, String note, Instant seenAt) {
		this(id, seen, note, seenAt, false);
	}

	private WitnessedDay(Key id, Seen seen, String note, Instant seenAt, boolean made) {
		this.id = id;
		this.seen = seen;
		this.note = note;
		this.seenAt = seenAt;
		this.made = made;
	}

	/**
	 * Her view of the day, her note sealed, announcing the day (as his record does) when
	 * saved.
	 */
	static WitnessedDay of(CommitmentId commitment, AccountId owner, LocalDate dueDate, AccountId witness, Seen seen,
			String note, Instant now, Encryption encryption) {
		WitnessedDay day = new WitnessedDay(new Key(commitment.value(), dueDate, witness.value()), seen,
				encryption.seal(Commitment.blankToNull(note), binding(commitment.value(), dueDate, witness.value())),
				now, true);
		day.registerEvent(new CommitmentDayRecorded(commitment, owner, dueDate));
		return day;
	}

	static EncryptionBinding binding(UUID commitment, LocalDate dueDate, UUID witness) {
		return EncryptionBinding.of("commitment_witness", commitment + "/" + dueDate, witness);
	}

	@Override
	public Key getId() {
		return this.id;
	}

	/** A view made here is inserted; saying it again first removes her earlier one. */
	@Override
	public boolean isNew() {
		return this.made;
	}

	Seen seen() {
		return this.seen;
	}

	String note() {
		return this.note;
	}

	Instant seenAt() {
		return this.seenAt;
	}

	/**
	 * Which day of which commitment, seen by whom.
	 *
	 * @param commitmentId the commitment
	 * @param dueDate the day
	 * @param witnessId who saw it
	 */
	record Key(UUID commitmentId, LocalDate dueDate, UUID witnessId) {
	}

}
