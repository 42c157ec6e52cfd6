package app.steadfast;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 5 of the proof: a visitor, a client, his partner and his therapist walk the main
 * pages in Chromium while every network request is recorded (the browser's performance
 * log and each page's resource timing); none goes to a host other than the app's.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoThirdPartiesBrowserTests {

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
	CoupleManagement couple;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	JournalManagement journal;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void noPageReachesAnyHostButTheApp() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Person client = people.client();
		Person partner = people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(client, partner);
		this.consultations.reassign(admin.id(), client.id(), therapist.id());
		for (Category category : List.of(Category.CHECKINS, Category.JOURNAL, Category.COMMITMENTS,
				Category.INSIGHTS)) {
			this.sharing.grant(client.id(), therapist.id(), category, GrantKind.THERAPIST, null);
		}
		this.couple.share(client.id(), Category.CHECKINS, true);
		this.checkIns.record(client.id(), new CheckInDetails(List.of("shame"), 6, BodyLocation.CHEST,
				"A question about the weekend", null, null, Instant.now().minusSeconds(600)), false);
		this.journal.write(client.id(), null, "I noticed I wanted to defend myself.");
		String c = "/care/clients/" + client.id().value();

		// What the browser did before this test (its own start page) is not the app's.
		browser.requestedUrls();
		List<String> requests = new ArrayList<>();
		int pages = walk(null, List.of("/", "/login", "/signup", "/consultation", "/articles", "/crisis",
				"/search?q=trust", "/accounts/forgot"), requests);
		pages += walk(client,
				List.of("/", "/checkins", "/checkins/new", "/checkins/quick", "/checkins/journal", "/checkins/calendar",
						"/checkins/summary", "/commitments", "/commitments/new", "/conversations",
						"/conversations/pause", "/conversations/plans/new", "/repair", "/repair/statements/new",
						"/repair/questions", "/couple", "/couple/pulse", "/insights", "/insights/review",
						"/insights/report", "/care/grants", "/care/homework", "/accounts/password"),
				requests);
		pages += walk(
				partner, List.of("/", "/couple", "/couple/safety", "/couple/pulse", "/checkins/shared",
						"/repair/shared", "/repair/questions", "/commitments/shared", "/conversations/shared"),
				requests);
		pages += walk(therapist, List.of("/", "/care", "/care/alerts", c, c + "/checkins", c + "/journal",
				c + "/commitments", c + "/insights", c + "/notes", "/consultations"), requests);

		Set<String> foreign = new TreeSet<>();
		for (String url : requests) {
			// Inline data and the browser's own pages never leave the machine; every
			// other
			// scheme, http or https to any other host or port, counts.
			if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")
					|| url.startsWith("chrome://")) {
				continue;
			}
			URI uri = URI.create(url.replace(" ", "%20"));
			boolean ours = ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
					&& uri.getPort() == this.port;
			if (!ours) {
				foreign.add(url);
			}
		}
		System.out.printf("No third parties: %d pages walked, %d network requests recorded, %d to other hosts%n", pages,
				requests.size(), foreign.size());
		assertThat(requests).as("requests were recorded").hasSizeGreaterThan(pages);
		assertThat(foreign).as("requests to a host other than the app's").isEmpty();
	}

	private int walk(Person person, List<String> paths, List<String> requests) {
		browser.driver().manage().deleteAllCookies();
		if (person != null) {
			browser.signIn(person.email());
		}
		for (String path : paths) {
			browser.open(path);
			assertThat(browser.heading()).as(path).isNotBlank();
			requests.addAll(browser.requestedUrls());
		}
		return paths.size();
	}

}
