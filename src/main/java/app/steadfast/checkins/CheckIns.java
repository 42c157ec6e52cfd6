package app.steadfast.checkins;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface CheckIns extends ListCrudRepository<CheckIn, UUID> {

	List<CheckIn> findByOwnerIdOrderByOccurredAtDesc(UUID ownerId);

	List<CheckIn> findTop10ByOwnerIdOrderByOccurredAtDesc(UUID ownerId);

	/** Whether he has a check-in from this moment on, in one statement. */
	boolean existsByOwnerIdAndOccurredAtGreaterThanEqual(UUID ownerId, java.time.Instant from);

	java.util.Optional<CheckIn> findByOwnerIdAndSubmissionId(UUID ownerId, UUID submissionId);

}
