package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.consultations.TherapistAssignment;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

import org.springframework.stereotype.Component;

/**
 * Who works with whom: a therapist serves a client he is assigned to (through an accepted
 * consultation invitation or an admin), or one an admin opened to him for an emergency.
 * Anyone else asking about a client gets the same answer as for a client who does not
 * exist.
 * <p>
 * In care, "a client" is anyone who can have a therapist of their own: a man doing the
 * work, or a partner who asked the practice for care of her own and connected her
 * partner's account (she keeps it, and her role: {@link #inCare}).
 */
@Component
class Therapy {

	private final ConsultationManagement consultations;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final Clock clock;

	Therapy(ConsultationManagement consultations, SharingManagement sharing, AccountManagement accounts, Clock clock) {
		this.consultations = consultations;
		this.sharing = sharing;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The client's therapist, if he has one. */
	Optional<AccountId> therapistOf(AccountId client) {
		return this.consultations.therapistOf(client).map(TherapistAssignment::therapist);
	}

	/** The therapist's assigned clients, longest first. */
	List<TherapistAssignment> clientsOf(AccountId therapist) {
		return this.consultations.clientsOf(therapist);
	}

	/** Whether the therapist is the client's assigned therapist. */
	boolean assigned(AccountId therapist, AccountId client) {
		return therapistOf(client).filter(therapist::equals).isPresent();
	}

	/** The emergency grants the client's records are open to this therapist through. */
	List<Grant> breakGlass(AccountId therapist, AccountId client) {
		Instant now = this.clock.instant();
		return this.sharing.activeGrantsTo(therapist)
			.stream()
			.filter((g) -> g.owner().equals(client) && g.kind() == GrantKind.BREAK_GLASS && g.isActiveAt(now))
			.toList();
	}

	/**
	 * The client, when the therapist serves him.
	 * @throws NotFound otherwise, alike for a stranger and a missing account
	 */
	Person requireClient(AccountId therapist, AccountId client) {
		Person person = this.accounts.find(client).filter(Therapy::inCare).orElseThrow(NotFound::new);
		if (!assigned(therapist, client) && breakGlass(therapist, client).isEmpty()) {
			throw new NotFound();
		}
		return person;
	}

	/**
	 * Whether the person can be someone's client in care: a client, or a partner with
	 * care of her own. Staff never are.
	 */
	static boolean inCare(Person person) {
		return person.role() == Role.CLIENT || person.role() == Role.PARTNER;
	}

	/** Whether the account is a partner's (care of her own, when she has a therapist). */
	boolean partner(AccountId id) {
		return this.accounts.find(id).filter((p) -> p.role() == Role.PARTNER).isPresent();
	}

	/**
	 * Whether the therapist serves both partners of this person's couple: the client and,
	 * in care of her own, the partner linked to him (a practice may allow it; the
	 * therapist is told, so that what each says stays apart).
	 */
	boolean bothPartnersOf(AccountId therapist, AccountId client) {
		return this.sharing.channel(client)
			.map((channel) -> channel.other(client))
			.filter((other) -> assigned(therapist, other))
			.isPresent();
	}

	/** The people with these ids who still have an account, in one query. */
	Map<AccountId, Person> people(Collection<AccountId> ids) {
		return this.accounts.find(ids);
	}

	/** A person's chosen name, or a neutral word when the account is gone. */
	String nameOf(AccountId id) {
		return this.accounts.find(id).map(Person::displayName).orElse("Someone");
	}

	/** {@link #nameOf} for many people at once, in one query. */
	Map<AccountId, String> namesOf(Collection<AccountId> ids) {
		Map<AccountId, Person> people = this.accounts.find(ids);
		Map<AccountId, String> names = new LinkedHashMap<>();
		ids.forEach((id) -> names.put(id, people.containsKey(id) ? people.get(id).displayName() : "Someone"));
		return names;
	}

	Optional<Person> person(AccountId id) {
		return this.accounts.find(id);
	}

	Optional<Person> personByEmail(String email) {
		return this.accounts.findByEmail(email);
	}

	/** The practice's active therapists, for an admin's choices. */
	List<Person> therapists() {
		var deactivated = this.accounts.deactivatedStaff();
		return this.accounts.staff()
			.stream()
			.filter((p) -> p.role() == Role.THERAPIST && !deactivated.contains(p.id()))
			.toList();
	}

	/**
	 * A client whose therapist's account was deactivated: he waits for an admin to hand
	 * him over.
	 */
	record Waiting(Person client, String formerTherapist, Instant since) {
	}

	/** The clients whose therapist left the practice, longest waiting first. */
	List<Waiting> waitingForATherapist() {
		var deactivated = this.accounts.deactivatedStaff();
		List<Waiting> waiting = new java.util.ArrayList<>();
		for (AccountId therapist : deactivated) {
			String name = nameOf(therapist);
			for (TherapistAssignment assignment : clientsOf(therapist)) {
				this.accounts.find(assignment.client())
					.filter(Therapy::inCare)
					.ifPresent((client) -> waiting.add(new Waiting(client, name, assignment.since())));
			}
		}
		waiting.sort(java.util.Comparator.comparing(Waiting::since));
		return waiting;
	}

	/**
	 * How many clients wait for a new therapist: one query per departed therapist,
	 * without reading each client, for the admin's home page.
	 */
	int waitingCount() {
		return this.accounts.deactivatedStaff().stream().mapToInt((t) -> clientsOf(t).size()).sum();
	}

	/** Whether the client's assigned therapist left the practice. */
	boolean therapistLeft(AccountId client) {
		return therapistOf(client).filter(this.accounts.deactivatedStaff()::contains).isPresent();
	}

	/** Whether this therapist left the practice (his account was deactivated). */
	boolean left(AccountId therapist) {
		return this.accounts.deactivatedStaff().contains(therapist);
	}

	/** Whether the account is an active therapist. */
	boolean activeTherapist(AccountId id) {
		return therapists().stream().anyMatch((p) -> p.id().equals(id));
	}

}
