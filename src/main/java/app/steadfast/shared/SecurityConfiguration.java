package app.steadfast.shared;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Composes every module's {@link ModuleAccess} rules into one filter chain and denies the
 * rest.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style, nothing from another host. */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
			"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");

	/** Addresses the kernel itself serves to everyone. */
	@Bean
	ModuleAccess sharedAccess() {
		return () -> List.of(AccessRule.everyone(HttpMethod.GET, "/"), AccessRule.everyone("/error"),
				AccessRule.everyone(HttpMethod.GET, "/css/**"), AccessRule.everyone(HttpMethod.GET, "/js/**"),
				AccessRule.everyone(HttpMethod.GET, "/images/**"), AccessRule.everyone(HttpMethod.GET, "/webjars/**"),
				AccessRule.everyone(HttpMethod.GET, "/favicon.ico"),
				AccessRule.everyone(HttpMethod.GET, "/actuator/health"));
	}

	@Bean
	SecurityFilterChain steadfastFilterChain(HttpSecurity http, List<ModuleAccess> modules,
			ObjectProvider<AuthenticationManager> authenticationManager) throws Exception {
		// The application's one authentication manager (with its throttling), never a
		// default
		// one. A module test without the accounts module has none, and no sign-in either.
		authenticationManager.ifAvailable(http::authenticationManager);
		http.authorizeHttpRequests((requests) -> {
			for (ModuleAccess module : modules) {
				for (AccessRule rule : module.rules()) {
					requests.requestMatchers(matcher(rule)).access(manager(rule));
				}
			}
			requests.anyRequest().denyAll();
		});
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("email")
			.passwordParameter("password")
			.defaultSuccessUrl("/", false)
			.failureUrl("/login?error"));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	static RequestMatcher matcher(AccessRule rule) {
		return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
	}

	static AuthorizationManager<RequestAuthorizationContext> manager(AccessRule rule) {
		if (rule.everyone()) {
			return SingleResultAuthorizationManager.permitAll();
		}
		if (rule.roles().isEmpty()) {
			return AuthenticatedAuthorizationManager.authenticated();
		}
		return AuthorityAuthorizationManager
			.hasAnyAuthority(rule.roles().stream().map(Role::authority).sorted().toArray(String[]::new));
	}

}
