package app.steadfast.care;

import app.steadfast.TestPeople;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;

/**
 * Everyone around one client: his therapist (assigned by an admin), another therapist,
 * another client of the same therapist, his partner (who he shares check-ins with), and
 * the admin.
 */
record CarePeople(Person admin, Person therapist, Person otherTherapist, Person client, Person otherClient,
		Person partner) {

	static CarePeople create(TestPeople people, ConsultationManagement consultations, SharingManagement sharing) {
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Person otherTherapist = people.withRole(Role.THERAPIST);
		Person client = people.client();
		Person otherClient = people.client();
		Person partner = people.withRole(Role.PARTNER);
		consultations.reassign(admin.id(), client.id(), therapist.id());
		consultations.reassign(admin.id(), otherClient.id(), therapist.id());
		sharing.grant(client.id(), partner.id(), Category.CHECKINS, GrantKind.PARTNER, null);
		return new CarePeople(admin, therapist, otherTherapist, client, otherClient, partner);
	}

}
