package app.steadfast.consultations;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Two people can never book the same time: eight clients of one therapist ask for the
 * same time at the same moment (real requests, real threads, the real database: H2 and
 * PostgreSQL); exactly one gets it, the seven others are told it was just taken. And
 * should anything above it fail, the database itself refuses a second booked appointment
 * of one therapist at one start.
 */
@SteadfastTest
class DoubleBookingTests {

	static final int CLIENTS = 8;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	AppointmentManagement appointments;

	@Test
	void eightAtOnceForOneTimeExactlyOneGetsIt() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(therapist.id(), day, LocalTime.of(8, 0), LocalTime.of(20, 0));
		}
		List<Person> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			Person client = people.client();
			this.consultations.reassign(admin.id(), client.id(), therapist.id());
			clients.add(client);
		}
		Instant start = this.appointments.openSessionTimes(clients.get(0).id(), null).get(0).start();

		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try {
			for (Person client : clients) {
				var signedIn = people.signedIn(client);
				answers.add(pool.submit(() -> {
					go.await();
					return this.mvc.post()
						.uri("/care/sessions")
						.with(signedIn)
						.with(csrf())
						.param("start", start.toString())
						.exchange()
						.getResponse();
				}));
			}
			go.countDown();
			int won = 0;
			int taken = 0;
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get();
				if (response.getStatus() == 302 && "/care/sessions".equals(response.getRedirectedUrl())) {
					won++;
				}
				else if (response.getStatus() == 200
						&& new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)
							.contains("That time was just taken. Please choose another.")) {
					taken++;
				}
			}
			assertThat(won).as("bookings that succeeded").isEqualTo(1);
			assertThat(taken).as("clear answers that the time was just taken").isEqualTo(CLIENTS - 1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM appointment WHERE therapist_id = :t AND starts_at = :s AND status = 'BOOKED'
				""")
			.param("t", therapist.id().value())
			.param("s", start.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single()).isEqualTo(1);

		// Past every check in the application: the unique index still refuses a second.
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO appointment (id, therapist_id, client_id, kind, status, starts_at, ends_at, held_start,
				sequence_number, created_at, changed_at)
				VALUES (:id, :t, :c, 'SESSION', 'BOOKED', :s, :s, :s, 0, :s, :s)
				""")
			.param("id", UUID.randomUUID())
			.param("t", therapist.id().value())
			.param("c", clients.get(1).id().value())
			.param("s", start.atOffset(ZoneOffset.UTC))
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

}
