package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.PersonalData;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's API: creating accounts, passwords and roles. Every change is
 * recorded in the audit log.
 */
@Service
public class AccountManagement {

	private final Accounts accounts;

	private final ObjectProvider<PersonalData> personalData;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	private final AuditLog audit;

	private final Practice practice;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final SecondFactors factors;

	private final Passkeys passkeys;

	private final TimeZones zones;

	private final PasswordLinks passwordLinks;

	AccountManagement(Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy, PasswordLinks passwordLinks,
			Sessions sessions, AuditLog audit, Practice practice, JdbcClient jdbc, Clock clock,
			ObjectProvider<PersonalData> personalData, SecondFactors factors, Passkeys passkeys, TimeZones zones) {
		this.zones = zones;
		this.passwordLinks = passwordLinks;
		this.factors = factors;
		this.passkeys = passkeys;
		this.personalData = personalData;
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.sessions = sessions;
		this.audit = audit;
		this.practice = practice;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The person with this id, if the account exists. */
	@Transactional(readOnly = true)
	public Optional<Person> find(AccountId id) {
		return this.accounts.findById(id.value()).map(Account::person);
	}

	/** The people with these ids whose accounts exist, in one query. */
	@Transactional(readOnly = true)
	public Map<AccountId, Person> find(Collection<AccountId> ids) {
		Map<AccountId, Person> people = new HashMap<>();
		if (!ids.isEmpty()) {
			this.accounts.findAllById(ids.stream().map(AccountId::value).distinct().toList())
				.forEach((account) -> people.put(account.person().id(), account.person()));
		}
		return people;
	}

	/** The person who signs in with this address, if any. */
	@Transactional(readOnly = true)
	public Optional<Person> findByEmail(String email) {
		return this.accounts.findByEmail(Account.normalise(email)).map(Account::person);
	}

	/** Staff accounts (therapists and admins), by name. */
	@Transactional(readOnly = true)
	public List<Person> staff() {
		return this.accounts.findStaff().stream().map(Account::person).toList();
	}

	/** Whether the practice has an admin yet. */
	@Transactional(readOnly = true)
	public boolean adminExists() {
		return this.accounts.existsByRole(Role.ADMIN);
	}

	/** The person's time zone: his days, weeks and reminders count in it. */
	@Transactional(readOnly = true)
	public ZoneId zone(AccountId id) {
		return this.zones.zone(id);
	}

	/** Each person's time zone, in one query; the practice's for unknown ids. */
	@Transactional(readOnly = true)
	public Map<AccountId, ZoneId> zones(Collection<AccountId> ids) {
		return this.zones.zones(ids);
	}

	/** Today where the person is. */
	@Transactional(readOnly = true)
	public LocalDate today(AccountId id) {
		return this.zones.today(id);
	}

	/**
	 * Today where the person is, and the day he joined, counted where he is.
	 * @throws NotFound if there is no such account
	 */
	@Transactional(readOnly = true)
	public PersonalDays days(AccountId id) {
		PersonalDays days = this.zones.days(id);
		if (days == null) {
			throw new NotFound();
		}
		return days;
	}

	/** The Monday that starts the person's current week, where he is. */
	@Transactional(readOnly = true)
	public LocalDate thisMonday(AccountId id) {
		return TimeZones.mondayOf(today(id));
	}

	/**
	 * Moves the person to another of the {@link #zoneChoices()}.
	 * @throws InvalidAccountInput if the zone is not one of them
	 */
	@Transactional
	public void changeZone(AccountId id, ZoneId zone) {
		this.zones.change(id, zone.getId());
	}

	/** The zone ids a person may choose, sorted. */
	public List<String> zoneChoices() {
		return this.zones.choices();
	}

	/**
	 * Creates a client account with the password he chose.
	 * @throws InvalidAccountInput if the password is not acceptable or the email is in
	 * use
	 */
	@Transactional
	public Person signUp(String email, String displayName, String password, @Nullable String address) {
		Account account = create(email, displayName, password, Role.CLIENT);
		this.audit.record(AuditEntry.security(AuditAction.SIGNED_UP, account.uuid(), account.uuid(), address));
		return account.person();
	}

	/**
	 * Creates a client account for someone the practice invited by email (a free
	 * consultation that became a client), with the password he chose: the same checks,
	 * hashing and audit as {@link #signUp}; the audit row names the invitation as the
	 * reason.
	 * @throws InvalidAccountInput if the password is not acceptable or the email is in
	 * use
	 */
	@Transactional
	public Person signUpInvited(String email, String displayName, String password, @Nullable String address) {
		Account account = create(email, displayName, password, Role.CLIENT);
		this.audit.record(new AuditEntry(AuditAction.SIGNED_UP, account.uuid(), account.uuid(), null, null,
				"INVITATION", address));
		return account.person();
	}

	/**
	 * Creates a partner account for someone a client invited (the couple module checks
	 * the invitation): the same checks, hashing and audit as {@link #signUp}.
	 * @throws InvalidAccountInput if the password is not acceptable or the email is in
	 * use
	 */
	@Transactional
	public Person signUpPartner(String email, String displayName, String password, @Nullable String address) {
		Account account = create(email, displayName, password, Role.PARTNER);
		this.audit.record(new AuditEntry(AuditAction.SIGNED_UP, account.uuid(), account.uuid(), null, null,
				"PARTNER_INVITATION", address));
		return account.person();
	}

	/**
	 * Creates the practice's first admin. Works only while no admin exists, once, even
	 * when two requests race.
	 * @throws NotFound once an admin exists
	 */
	@Transactional
	public Person createFirstAdmin(String email, String displayName, String password) {
		if (adminExists()) {
			throw new NotFound();
		}
		Account account = create(email, displayName, password, Role.ADMIN);
		try {
			this.jdbc.sql("INSERT INTO first_admin (id, account_id, created_at) VALUES (1, :account, :at)")
				.param("account", account.uuid())
				.param("at", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new NotFound();
		}
		this.audit.record(AuditEntry.security(AuditAction.FIRST_ADMIN_CREATED, account.uuid(), account.uuid(), null));
		return account.person();
	}

	/**
	 * An admin creates a therapist or admin account; the person gets an email with a link
	 * to choose a password (valid for 7 days).
	 */
	@Transactional
	public Person createStaff(AccountId admin, String email, String displayName, Role role) {
		requireAdmin(admin);
		if (role != Role.THERAPIST && role != Role.ADMIN) {
			throw new InvalidAccountInput("role", "Staff accounts are for therapists and admins.");
		}
		Account account = create(email, displayName, unusablePassword(), role);
		this.audit.record(AuditEntry.security(AuditAction.ACCOUNT_CREATED, admin.value(), account.uuid(), null));
		this.passwordLinks.invite(account);
		return account.person();
	}

	/**
	 * An admin moves a staff account between therapist and admin. The person's sessions
	 * end so the new role applies at their next sign-in. The last admin cannot be
	 * demoted.
	 */
	@Transactional
	public void changeRole(AccountId admin, AccountId target, Role role) {
		requireAdmin(admin);
		Account account = this.accounts.findById(target.value())
			.filter((a) -> a.role() == Role.THERAPIST || a.role() == Role.ADMIN)
			.orElseThrow(NotFound::new);
		if (role != Role.THERAPIST && role != Role.ADMIN) {
			throw new InvalidAccountInput("role", "Staff accounts are for therapists and admins.");
		}
		Role before = account.role();
		if (before == role) {
			return;
		}
		if (before == Role.ADMIN && this.accounts.countByRole(Role.ADMIN) <= 1) {
			throw new InvalidAccountInput("role", "The practice needs at least one admin.");
		}
		account.changeRole(role);
		this.accounts.save(account);
		this.sessions.endAllExcept(account.email(), null);
		this.audit.record(AuditEntry.security(AuditAction.ROLE_CHANGED, admin.value(), account.uuid(), null));
	}

	/**
	 * An admin deactivates a staff account: it cannot sign in any more, and its sessions
	 * end on every node, so its next request is refused. An admin cannot deactivate
	 * himself, and the last active admin stays.
	 * @throws NotFound if the target is not a staff account
	 */
	@Transactional
	public void deactivate(AccountId admin, AccountId target) {
		requireAdmin(admin);
		Account account = this.accounts.findById(target.value())
			.filter((a) -> a.role() == Role.THERAPIST || a.role() == Role.ADMIN)
			.orElseThrow(NotFound::new);
		if (admin.equals(target)) {
			throw new InvalidAccountInput("role", "You can’t deactivate your own account.");
		}
		this.jdbc.sql("UPDATE account SET deactivated_at = :now WHERE id = :id AND deactivated_at IS NULL")
			.param("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("id", account.uuid())
			.update();
		this.sessions.endAllExcept(account.email(), null);
		this.audit.record(AuditEntry.security(AuditAction.ACCOUNT_DEACTIVATED, admin.value(), account.uuid(), null));
	}

	/**
	 * A client or partner deletes his own account, after giving his password: everything
	 * he wrote and everything kept about him goes from the database. The audit log keeps
	 * its rows whole, naming him only by an alias that no longer points at anyone.
	 * @throws InvalidAccountInput if the password is wrong
	 * @throws NotFound if the account is not a client's or partner's
	 */
	@Transactional
	public void deleteOwnAccount(AccountId id, String password) {
		Account account = this.accounts.findById(id.value())
			.filter((a) -> a.role() == Role.CLIENT || a.role() == Role.PARTNER)
			.orElseThrow(NotFound::new);
		if (!passwordMatches(password, account.passwordHash())) {
			throw new InvalidAccountInput("password", "That isn’t your current password.");
		}
		this.personalData.orderedStream().forEach((data) -> data.erase(account.uuid(), account.email()));
		this.passkeys.forget(account.email());
		this.audit.record(AuditEntry.security(AuditAction.ACCOUNT_DELETED, account.uuid(), account.uuid(), null));
		this.audit.forget(account.uuid());
		this.sessions.endAllExcept(account.email(), null);
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE email = :email").param("email", account.email()).update();
		this.jdbc.sql("DELETE FROM sign_up_request WHERE email = :email").param("email", account.email()).update();
		// Published events name people by id; those about him go too.
		this.jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :id")
			.param("id", "%" + account.uuid() + "%")
			.update();
		this.jdbc.sql("DELETE FROM account WHERE id = :id").param("id", account.uuid()).update();
	}

	/** The staff accounts that are deactivated. */
	@Transactional(readOnly = true)
	public java.util.Set<AccountId> deactivatedStaff() {
		return java.util.Set.copyOf(this.jdbc
			.sql("SELECT id FROM account WHERE deactivated_at IS NOT NULL AND role IN ('THERAPIST', 'ADMIN')")
			.query((rs, n) -> new AccountId(rs.getObject("id", java.util.UUID.class)))
			.list());
	}

	/**
	 * Changes the password after checking the current one; every other session of the
	 * account ends.
	 * @throws InvalidAccountInput if the current password is wrong or the new one not
	 * acceptable
	 */
	@Transactional
	public void changePassword(AccountId id, String currentPassword, String newPassword,
			@Nullable String currentSessionId) {
		Account account = this.accounts.findById(id.value()).orElseThrow(NotFound::new);
		if (!passwordMatches(currentPassword, account.passwordHash())) {
			throw new InvalidAccountInput("currentPassword", "That isn't your current password.");
		}
		this.policy.problem(newPassword).ifPresent((problem) -> {
			throw new InvalidAccountInput("newPassword", problem);
		});
		account.changePassword(this.encoder.encode(newPassword));
		this.accounts.save(account);
		this.sessions.endAllExcept(account.email(), currentSessionId);
		this.audit.record(AuditEntry.security(AuditAction.PASSWORD_CHANGED, account.uuid(), account.uuid(), null));
	}

	/**
	 * Whether the typed password is the account's. Text no keyboard can type (a lone
	 * UTF-16 surrogate, which the password encoder refuses to encode) is simply not it.
	 */
	private boolean passwordMatches(@Nullable String password, String hash) {
		return matches(this.encoder, password, hash);
	}

	/** Whether the typed password matches the hash; untypeable text never does. */
	static boolean matches(PasswordEncoder encoder, @Nullable String password, String hash) {
		if (password == null || !java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(password)) {
			return false;
		}
		return encoder.matches(password, hash);
	}

	/**
	 * Emails a reset link if an account uses the address; does nothing visible otherwise
	 * (see {@link PasswordLinks#requestReset}).
	 */
	@Transactional
	public void requestReset(String email, @Nullable String address) {
		this.passwordLinks.requestReset(email, address);
	}

	/**
	 * Gives a prepared account (demo data, test fixtures) an authenticator app with a
	 * known secret (base32), already confirmed. Never offered to people: they set up
	 * their own at sign-in or on their security page.
	 */
	@Transactional
	public void prepareAuthenticator(AccountId id, String base32Secret) {
		Account account = this.accounts.findById(id.value()).orElseThrow(NotFound::new);
		this.factors.prepare(account.uuid(), base32Secret);
	}

	/** An account made before anyone signs in: demo data. */
	@Transactional
	Person createPrepared(String email, String displayName, String password, Role role) {
		Account account = create(email, displayName, password, role);
		this.audit.record(AuditEntry.security(AuditAction.ACCOUNT_CREATED, null, account.uuid(), null));
		return account.person();
	}

	/**
	 * The reason a password would be refused, in words for the person, if it would be.
	 */
	public Optional<String> passwordProblem(String password) {
		return this.policy.problem(password);
	}

	private Account create(String email, String displayName, String password, Role role) {
		String normalised = Account.normalise(email);
		if (this.accounts.existsByEmail(normalised)) {
			throw new InvalidAccountInput("email",
					"There is already an account with this email. Sign in, or reset your password if you've forgotten it.");
		}
		this.policy.problem(password).ifPresent((problem) -> {
			throw new InvalidAccountInput("password", problem);
		});
		Account account = Account.create(normalised, displayName, this.encoder.encode(password), role,
				this.practice.zone(), this.clock.instant());
		try {
			account = this.accounts.save(account);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidAccountInput("email",
					"There is already an account with this email. Sign in, or reset your password if you've forgotten it.");
		}
		return account;
	}

	private void requireAdmin(AccountId admin) {
		this.accounts.findById(admin.value()).filter((a) -> a.role() == Role.ADMIN).orElseThrow(NotFound::new);
	}

	private String unusablePassword() {
		// Long and random: nobody can sign in until they choose their own through the
		// link.
		byte[] bytes = new byte[48];
		this.random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
