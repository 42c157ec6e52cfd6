package app.steadfast.commitments;

import org.springframework.data.repository.Repository;

/**
 * The days he recorded, one by one; pages read them in bulk through
 * {@link CommitmentQueries}.
 */
interface RecordedDays extends Repository<RecordedDay, RecordedDay.Key> {

	RecordedDay save(RecordedDay day);

	void deleteById(RecordedDay.Key id);

}
