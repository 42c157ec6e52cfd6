package app.steadfast.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Articles extends ListCrudRepository<Article, UUID> {

	Optional<Article> findBySlug(String slug);

	boolean existsBySlug(String slug);

	List<Article> findByStatus(ArticleStatus status);

}
