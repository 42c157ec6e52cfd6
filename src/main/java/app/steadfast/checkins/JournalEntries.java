package app.steadfast.checkins;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface JournalEntries extends ListCrudRepository<JournalEntry, UUID> {

	List<JournalEntry> findByOwnerIdOrderByWrittenAtDesc(UUID ownerId);

}
