package app.steadfast.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest, the service worker and the pages it keeps for use offline: served to
 * everyone with the right types, installable by Lighthouse's criteria, and the same for
 * every viewer, so the copies a phone keeps hold no one's data.
 */
@SteadfastTest
class InstallableAppTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void theManifestHasWhatAnInstallableAppNeedsAndItsIconsLoad() throws Exception {
		MvcTestResult served = this.mvc.get().uri("/manifest.webmanifest").exchange();
		assertThat(served).hasStatusOk();
		assertThat(served.getResponse().getContentType()).startsWith("application/manifest+json");
		JsonNode manifest = JsonMapper.builder().build().readTree(served.getResponse().getContentAsByteArray());
		assertThat(manifest.path("name").asString()).isEqualTo("Steadfast");
		assertThat(manifest.path("short_name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(12);
		assertThat(manifest.path("start_url").asString()).isEqualTo("/");
		assertThat(manifest.path("display").asString()).isIn("standalone", "fullscreen");
		assertThat(manifest.path("theme_color").asString()).matches("#[0-9a-f]{6}");
		assertThat(manifest.path("background_color").asString()).matches("#[0-9a-f]{6}");
		boolean maskable = false;
		List<Integer> sizes = new java.util.ArrayList<>();
		for (JsonNode icon : manifest.path("icons")) {
			MvcTestResult image = this.mvc.get().uri(icon.path("src").asString()).exchange();
			assertThat(image).as(icon.toString()).hasStatusOk();
			assertThat(image.getResponse().getContentType()).isEqualTo(icon.path("type").asString());
			BufferedImage read = ImageIO.read(new ByteArrayInputStream(image.getResponse().getContentAsByteArray()));
			String[] declared = icon.path("sizes").asString().split("x");
			assertThat(read.getWidth()).isEqualTo(Integer.parseInt(declared[0]));
			assertThat(read.getHeight()).isEqualTo(Integer.parseInt(declared[1]));
			if (icon.path("purpose").asString().contains("any")) {
				sizes.add(read.getWidth());
			}
			maskable |= icon.path("purpose").asString().contains("maskable");
		}
		assertThat(sizes).contains(192, 512);
		assertThat(maskable).isTrue();
	}

	@Test
	void theWorkerIsScriptAtTheRootNeverCachedAndVersionedByWhatItKeeps() {
		MvcTestResult served = this.mvc.get().uri("/sw.js").exchange();
		assertThat(served).hasStatusOk();
		assertThat(served.getResponse().getContentType()).startsWith("text/javascript");
		assertThat(served.getResponse().getHeader("Cache-Control")).contains("no-cache", "no-store");
		assertThat(served).bodyText()
			.doesNotContain("__VERSION__")
			.contains("'/offline/pause'", "'/offline/name-it'", "'/offline'");
	}

	@Test
	void theLayoutLinksTheManifestAndCarriesTheThemeColour() {
		assertThat(this.mvc.get().uri("/").exchange()).bodyText()
			.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", "name=\"theme-color\"",
					"/js/checkin-queue.js");
	}

	@Test
	void thePagesKeptForOfflineUseAreTheSameForEveryone() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person client = people.client();
		Person partner = people.withRole(Role.PARTNER);
		for (String page : List.of("/offline", "/offline/pause", "/offline/name-it")) {
			MvcTestResult anonymous = this.mvc.get().uri(page).exchange();
			assertThat(anonymous).as(page).hasStatusOk();
			String body = anonymous.getResponse().getContentAsString();
			assertThat(body).doesNotContain("csrf", "_csrf", "Sign out", "steadfast-person");
			for (Person person : List.of(client, partner)) {
				assertThat(this.mvc.get()
					.uri(page)
					.with(people.signedIn(person))
					.exchange()
					.getResponse()
					.getContentAsString()).as(page + " for " + person.role()).isEqualTo(body);
			}
		}
		assertThat(this.mvc.get().uri("/offline").exchange()).bodyText()
			.contains("You're offline", "What works without a connection", "The pause tool",
					"Name it before you answer");
	}

	@Test
	void signedInPagesCarryOnlyAMarkOfWhoIsSignedIn() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person client = people.client();
		String page = this.mvc.get()
			.uri("/checkins/new")
			.with(people.signedIn(client))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("<meta name=\"steadfast-person\" content=\"[0-9a-f]{32}\">")
			.doesNotContain(client.id().value().toString());
		assertThat(this.mvc.get().uri("/login").exchange()).bodyText()
			.contains("<meta name=\"steadfast-person\" content=\"\">");
	}

}
