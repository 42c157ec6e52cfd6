package app.steadfast.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.Role;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByRole(Role role);

	long countByRole(Role role);

	@Query("SELECT * FROM account WHERE role IN ('THERAPIST', 'ADMIN') ORDER BY display_name")
	List<Account> findStaff();

}
