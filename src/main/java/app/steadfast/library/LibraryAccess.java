package app.steadfast.library;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the library's pages, and what it offers on the home page.
 */
@Configuration(proxyBeanMethods = false)
class LibraryAccess {

	@Bean
	ModuleAccess libraryRules() {
		return () -> List.of(AccessRule.everyone(HttpMethod.GET, "/articles/**"),
				AccessRule.everyone(HttpMethod.GET, "/search"), AccessRule.everyone(HttpMethod.GET, "/feed.xml"),
				AccessRule.everyone(HttpMethod.GET, "/sitemap.xml"),
				AccessRule.roles("/admin/articles/**", Role.ADMIN));
	}

	@Bean
	NextSteps libraryNextSteps() {
		return (person) -> switch (person.role()) {
			case ADMIN -> List.of(new NextStep("Articles",
					"Write and edit the practice's articles. Drafts stay private until you publish them.",
					"/admin/articles", "Manage articles", 40));
			case CLIENT,
					PARTNER ->
				List.of(new NextStep("Read at your own pace",
						"Short, plain articles on rebuilding trust, honesty, feelings and when to get help.",
						"/articles", "Browse the articles", 80));
			default -> List.of();
		};
	}

}
