package app.steadfast.checkins;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface CheckIns extends ListCrudRepository<CheckIn, UUID> {

	List<CheckIn> findByOwnerIdOrderByOccurredAtDesc(UUID ownerId);

	List<CheckIn> findTop10ByOwnerIdOrderByOccurredAtDesc(UUID ownerId);

	java.util.Optional<CheckIn> findByOwnerIdAndSubmissionId(UUID ownerId, UUID submissionId);

}
