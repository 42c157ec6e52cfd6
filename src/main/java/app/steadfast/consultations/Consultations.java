package app.steadfast.consultations;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Consultations extends ListCrudRepository<Consultation, UUID> {

	@Query("SELECT * FROM consultation WHERE status IN (:statuses) ORDER BY received_at DESC LIMIT :limit")
	List<Consultation> findNewestIn(List<String> statuses, int limit);

	long countByStatus(ConsultationStatus status);

}
