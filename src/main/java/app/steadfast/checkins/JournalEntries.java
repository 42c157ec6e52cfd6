package app.steadfast.checkins;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface JournalEntries extends ListCrudRepository<JournalEntry, UUID> {

	List<JournalEntry> findByOwnerIdOrderByWrittenAtDesc(UUID ownerId);

	Optional<JournalEntry> findByOwnerIdAndPathStep(UUID ownerId, String pathStep);

	List<JournalEntry> findByOwnerIdAndPathStepIsNotNull(UUID ownerId);

	@Query("SELECT path_step FROM journal_entry WHERE owner_id = :owner AND path_step IS NOT NULL")
	List<String> answeredSteps(UUID owner);

}
