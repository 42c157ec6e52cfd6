package app.steadfast.commitments;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Commitments, each loaded whole (with its pauses and earlier wording) to be changed;
 * pages read them in bulk through {@link CommitmentQueries}.
 */
interface Commitments extends Repository<Commitment, UUID> {

	Optional<Commitment> findById(UUID id);

	Commitment save(Commitment commitment);

}
