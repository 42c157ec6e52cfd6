package app.steadfast.path;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface PathSteps extends ListCrudRepository<PathStep, String> {

	List<PathStep> findAllByOrderByPositionAscStepKeyAsc();

}
