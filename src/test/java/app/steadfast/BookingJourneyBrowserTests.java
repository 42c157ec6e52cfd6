package app.steadfast;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking in a real browser (headless Chromium) on a 375 px phone: a client books a
 * session and writes to his therapist; a visitor books a free consultation in an open
 * time; the therapist finds it on his schedule and answers the client, who reads the
 * reply and finds the video link as the time is near. Every page visited passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BookingJourneyBrowserTests {

	private static final String ROOM = "https://meet.example.com/journey-room";

	private static final String[] RULES = { "booking-session-minutes", "booking-buffer-minutes",
			"booking-notice-hours" };

	private static Browser browser;

	@LocalServerPort
	int port;

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

	@Autowired
	app.steadfast.shared.PracticeSettings settings;

	@BeforeEach
	void onAPhone() throws IOException {
		browser = Browser.forTest(this.port);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
	}

	@AfterEach
	void practiceRulesAgain() {
		for (String rule : RULES) {
			this.settings.put(rule, "");
		}
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void aVisitorBooksAConsultationAndAClientBooksWritesAndJoinsHisSession() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Person client = people.client();
		this.consultations.reassign(admin.id(), client.id(), therapist.id());
		// The practice lets sessions of a quarter of an hour be booked up to their start,
		// so the first open time is near enough for the video link to show.
		this.settings.put(RULES[0], "15");
		this.settings.put(RULES[1], "0");
		this.settings.put(RULES[2], "0");
		// Hours cannot run past midnight, so the last quarter of his day offers nothing:
		// he keeps his hours in a zone where it is the middle of the day now, whenever
		// the build runs.
		this.accounts.changeZone(therapist.id(), middayZone());
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(therapist.id(), day, LocalTime.of(0, 0), LocalTime.of(23, 59));
		}
		this.appointments.setRoom(therapist.id(), ROOM, true);

		// The client books the soonest session and writes to his therapist.
		browser.signIn(client.email());
		browser.open("/care/sessions");
		click(By.cssSelector("input[name='start']"));
		browser.submit("Book this time");
		assertThat(notice()).contains("Booked:");
		browser.assertAccessible("his sessions, booked, 375 px");
		browser.open("/care/messages");
		browser.type(By.id("body"), "Can we talk about the weekend at our session?");
		browser.submit("Send message");
		assertThat(notice()).contains("Sent to " + therapist.displayName());
		browser.assertAccessible("his messages, 375 px");
		browser.signOut();

		// A visitor books a free consultation in one of the therapist's open times.
		String visitor = "Aaron " + UUID.randomUUID().toString().substring(0, 6);
		browser.open("/consultation");
		browser.assertAccessible("consultation form with open times, 375 px");
		WebElement slot = browser.find(By.cssSelector("input[name='slot'][value^='" + therapist.id().value() + "@']"));
		Instant consultation = Instant.parse(slot.getDomAttribute("value").split("@")[1]);
		browser.type(By.id("name"), visitor);
		browser.type(By.id("email"), "aaron-" + UUID.randomUUID() + "@example.org");
		click(By.cssSelector("input[name='contactBy'][value='EMAIL']"));
		click(By.cssSelector("input[name='slot'][value='" + slot.getDomAttribute("value") + "']"));
		click(By.cssSelector("input[name='topics'][value='REBUILDING_TRUST']"));
		browser.type(By.id("message"), "I want to rebuild trust.");
		click(By.id("consent"));
		browser.submit("Send my request");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/consultation?received")));
		browser.assertAccessible("consultation booked, 375 px");

		// The therapist finds it on his schedule, and answers the client.
		browser.signIn(therapist.email());
		browser.open("/care/schedule?week=" + LocalDate.ofInstant(consultation, this.accounts.zone(therapist.id())));
		assertThat(browser.find(By.tagName("main")).getText()).contains(visitor, "Free consultation");
		browser.assertAccessible("therapist's schedule, 375 px");
		browser.open("/care/clients/" + client.id().value() + "/messages");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Can we talk about the weekend");
		browser.type(By.id("body"), "Yes, bring it and we will start there.");
		browser.submit("Send reply");
		assertThat(notice()).contains("Sent.");
		browser.assertAccessible("a client's messages, 375 px");
		browser.signOut();

		// The client reads the reply; his session starts within the quarter, so the
		// video link shows beside it.
		browser.signIn(client.email());
		browser.open("/care/messages");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Yes, bring it and we will start there.");
		Appointment session = this.appointments.upcomingFor(client.id()).get(0);
		assertThat(session.start()).isBefore(Instant.now().plus(Duration.ofMinutes(15)));
		browser.open("/care/sessions");
		assertThat(browser.find(By.linkText("Join the video call")).getDomAttribute("href")).isEqualTo(ROOM);
		browser.assertAccessible("his sessions near the time, 375 px");
	}

	private ZoneId middayZone() {
		Instant now = Instant.now();
		return this.accounts.zoneChoices()
			.stream()
			.map(ZoneId::of)
			.filter((zone) -> now.atZone(zone).getHour() >= 9 && now.atZone(zone).getHour() < 15)
			.findFirst()
			.orElseThrow();
	}

	private static void click(By by) {
		WebElement element = browser.find(by);
		browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private static String notice() {
		return browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")))
			.getText();
	}

}
