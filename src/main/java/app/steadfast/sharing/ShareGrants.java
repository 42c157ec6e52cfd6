package app.steadfast.sharing;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ShareGrants extends ListCrudRepository<ShareGrant, UUID> {

	List<ShareGrant> findByOwnerIdAndGranteeIdAndCategory(UUID ownerId, UUID granteeId, Category category);

	List<ShareGrant> findByGranteeIdAndCategoryAndOwnerIdIn(UUID granteeId, Category category,
			Collection<UUID> ownerIds);

	List<ShareGrant> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

	List<ShareGrant> findByGranteeIdOrderByCreatedAtDesc(UUID granteeId);

}
