package app.steadfast.consultations;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ConsultationChanges extends ListCrudRepository<ConsultationChange, Long> {

	List<ConsultationChange> findByConsultationIdOrderByChangedAtAscIdAsc(UUID consultationId);

}
