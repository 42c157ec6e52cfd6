package app.steadfast.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The clock every module reads time from, the session cookie, and the practice's locale.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ Postbox.MailSettings.class, Practice.class })
class KernelConfiguration {

	/** The name of the session cookie. */
	static final String SESSION_COOKIE = "STEADFAST_SESSION";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The session cookie: never readable by script, not sent on cross-site requests, and
	 * marked Secure whenever the request came over HTTPS.
	 */
	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SESSION_COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}

	/**
	 * Every request speaks the practice's locale, as the admin set it: pages declare it
	 * and formats follow it. Nobody switches it per request.
	 */
	@Bean
	org.springframework.web.servlet.LocaleResolver localeResolver(PracticeSettings settings) {
		return new org.springframework.web.servlet.LocaleResolver() {

			@Override
			public java.util.Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
				return settings.locale();
			}

			@Override
			public void setLocale(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) {
				throw new UnsupportedOperationException("The practice's locale is set in its settings");
			}

		};
	}

	/**
	 * Two requests of one session at once (two tabs, htmx beside a form) may both add the
	 * same session attribute; a plain INSERT makes the second fail with a duplicate key
	 * and a 500. An upsert lets the later write win, as it would in memory.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentSessionAttributes(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		return (sessions) -> {
			if (url.startsWith("jdbc:postgresql:")) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
			}
			else if (url.startsWith("jdbc:h2:")) {
				sessions.setCreateSessionAttributeQuery("""
						MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
						KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
						""");
			}
		};
	}

}
