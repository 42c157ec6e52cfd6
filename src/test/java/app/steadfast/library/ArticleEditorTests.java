package app.steadfast.library;

import java.util.List;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The admin writes, previews, publishes, renames and unpublishes articles.
 */
@SteadfastTest
class ArticleEditorTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ArticleManagement library;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person admin;

	@BeforeEach
	void admin() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.admin = this.people.withRole(Role.ADMIN);
	}

	@Test
	void aDraftIsPrivateUntilPublishedAndItsScriptNeverRuns() {
		String slug = uniqueSlug();
		MvcTestResult created = save("/admin/articles/new", slug, "save",
				"Plain words.\n\n<script>alert('x')</script>\n\n[bad](javascript:alert(1))");
		assertThat(created).hasStatus3xxRedirection();
		String editor = created.getResponse().getRedirectedUrl();
		assertThat(editor).startsWith("/admin/articles/");

		assertThat(this.mvc.get().uri("/articles/" + slug)).hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/articles").with(this.people.signedIn(this.admin))).bodyText()
			.contains("Title " + slug, "Draft");

		assertThat(this.mvc.post().uri(editor + "/publish").with(this.people.signedIn(this.admin)).with(csrf()))
			.hasRedirectedUrl(editor);
		MvcTestResult published = this.mvc.get().uri("/articles/" + slug).exchange();
		assertThat(published).hasStatusOk();
		assertThat(published).bodyText()
			.contains("Plain words.", "&lt;script&gt;alert(")
			.doesNotContain("<script>alert(", "javascript:alert");
	}

	@Test
	void renamingAPublishedArticleKeepsTheOldAddressAsARedirect() {
		String slug = uniqueSlug();
		String editor = save("/admin/articles/new", slug, "save", "Body.").getResponse().getRedirectedUrl();
		this.mvc.post().uri(editor + "/publish").with(this.people.signedIn(this.admin)).with(csrf()).exchange();

		String renamed = slug + "-renamed";
		assertThat(save(editor, renamed, "save", "Body, revised.")).hasRedirectedUrl(editor);
		MvcTestResult old = this.mvc.get().uri("/articles/" + slug).exchange();
		assertThat(old).hasStatus(301);
		assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/articles/" + renamed);
		assertThat(this.mvc.get().uri("/articles/" + renamed)).bodyText().contains("Body, revised.");

		assertThat(this.mvc.post().uri(editor + "/unpublish").with(this.people.signedIn(this.admin)).with(csrf()))
			.hasRedirectedUrl(editor);
		assertThat(this.mvc.get().uri("/articles/" + renamed)).hasStatus(404);
		assertThat(this.mvc.get().uri("/articles/" + slug)).hasStatus(404);
	}

	@Test
	void problemsAreExplainedNextToTheirFieldsAndTheTextIsKept() {
		MvcTestResult bad = this.mvc.post()
			.uri("/admin/articles/new")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("slug", "Not A Slug!")
			.param("title", "")
			.param("summary", "A summary.")
			.param("tags", "trust")
			.param("seriesOrder", "first")
			.param("author", "The team")
			.param("body", "Everything I typed stays here.")
			.exchange();
		assertThat(bad).hasStatusOk();
		assertThat(bad).bodyText()
			.contains("id=\"title-error\"", "id=\"seriesOrder-error\"", "Use a whole number from 1")
			.contains("value=\"Not A Slug!\"", "Everything I typed stays here.");

		MvcTestResult slug = save("/admin/articles/new", "Not A Slug", "save", "Text.");
		assertThat(slug).hasStatusOk();
		assertThat(slug).bodyText().contains("id=\"slug-error\"", "lower-case letters");

		MvcTestResult taken = save("/admin/articles/new", "consistency", "save", "Text.");
		assertThat(taken).bodyText().contains("Another article already uses this address.");
	}

	@Test
	void previewShowsTheRenderedTextWithoutSaving() {
		String slug = uniqueSlug();
		MvcTestResult preview = save("/admin/articles/new", slug, "preview", "## A heading\n\n<b>raw</b>");
		assertThat(preview).hasStatusOk();
		assertThat(preview).bodyText().contains("<h2>A heading</h2>", "&lt;b&gt;raw&lt;/b&gt;");
		assertThat(this.library.all()).noneMatch((a) -> a.slug().equals(slug));

		MvcTestResult htmx = this.mvc.post()
			.uri("/admin/articles/preview")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("body", "**kept** <script>x</script>")
			.exchange();
		assertThat(htmx).hasStatusOk();
		assertThat(htmx).bodyText()
			.startsWith("<div id=\"article-preview\"")
			.contains("<strong>kept</strong>", "&lt;script&gt;")
			.doesNotContain("<html");
	}

	@Test
	void onlyAdminsUseTheEditor() {
		for (Role role : List.of(Role.CLIENT, Role.PARTNER, Role.THERAPIST)) {
			Person person = this.people.withRole(role);
			assertThat(this.mvc.get().uri("/admin/articles").with(this.people.signedIn(person))).hasStatus(403);
			assertThat(this.mvc.post()
				.uri("/admin/articles/new")
				.with(this.people.signedIn(person))
				.with(csrf())
				.param("slug", uniqueSlug())).hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/admin/articles")).hasStatus(302);
		assertThat(this.mvc.get().uri("/admin/articles/" + UUID.randomUUID()).with(this.people.signedIn(this.admin)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/articles/not-an-id").with(this.people.signedIn(this.admin)))
			.hasStatus(404);
	}

	private MvcTestResult save(String uri, String slug, String action, String body) {
		return this.mvc.post()
			.uri(uri)
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("slug", slug)
			.param("title", "Title " + slug)
			.param("summary", "A short summary.")
			.param("tags", "trust, honesty")
			.param("series", "")
			.param("seriesOrder", "")
			.param("author", "The team")
			.param("body", body)
			.param("action", action)
			.exchange();
	}

	private static String uniqueSlug() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
