package app.steadfast.commitments;

import org.springframework.data.repository.Repository;

/**
 * What partners said they saw, one day at a time; pages read them through
 * {@link CommitmentQueries}.
 */
interface WitnessedDays extends Repository<WitnessedDay, WitnessedDay.Key> {

	WitnessedDay save(WitnessedDay day);

	void deleteById(WitnessedDay.Key id);

}
