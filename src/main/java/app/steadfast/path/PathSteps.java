package app.steadfast.path;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PathSteps extends ListCrudRepository<PathStep, String> {

	/** The steps of the path now, in order: every one the admin has not removed. */
	List<PathStep> findAllByRemovedAtIsNullOrderByPositionAscStepKeyAsc();

	/** A step of the path now; empty if there is none or the admin removed it. */
	Optional<PathStep> findByStepKeyAndRemovedAtIsNull(String key);

	/** The place of the last step of the path now; 0 when there is none. */
	@Query("SELECT COALESCE(MAX(position), 0) FROM path_step WHERE removed_at IS NULL")
	int lastPosition();

}
