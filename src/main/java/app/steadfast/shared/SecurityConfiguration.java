package app.steadfast.shared;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Composes every module's {@link ModuleAccess} rules into one filter chain and denies the
 * rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SessionLimits.SessionSettings.class, SecurityConfiguration.PasskeySettings.class })
class SecurityConfiguration {

	/**
	 * Passkeys: the addresses a browser may show when it creates or uses one, besides the
	 * practice's base URL.
	 */
	@org.springframework.boot.context.properties.ConfigurationProperties("steadfast.passkeys")
	record PasskeySettings(List<String> origins) {
		PasskeySettings {
			origins = (origins != null) ? List.copyOf(origins) : List.of();
		}
	}

	/** No inline script or style, nothing from another host. */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
			"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");

	/**
	 * Where a failed password sign-in leads: the address alone says it failed, and
	 * nothing of the attempt is kept.
	 */
	static final String SIGN_IN_FAILED = "/login?error";

	/** Addresses the kernel itself serves to everyone. */
	@Bean
	ModuleAccess sharedAccess() {
		return () -> List.of(AccessRule.everyone(HttpMethod.GET, "/"), AccessRule.everyone("/error"),
				AccessRule.everyone(HttpMethod.GET, "/css/**"), AccessRule.everyone(HttpMethod.GET, "/js/**"),
				AccessRule.everyone(HttpMethod.GET, "/images/**"), AccessRule.everyone(HttpMethod.GET, "/webjars/**"),
				AccessRule.everyone(HttpMethod.GET, "/favicon.ico"),
				// The installable app's manifest, worker and offline page: the same for
				// everyone.
				AccessRule.everyone(HttpMethod.GET, InstallableApp.MANIFEST),
				AccessRule.everyone(HttpMethod.GET, InstallableApp.WORKER),
				AccessRule.everyone(HttpMethod.GET, InstallableApp.OFFLINE),
				AccessRule.everyone(HttpMethod.GET, "/actuator/health"), AccessRule.everyone(QuickExitController.PATH));
	}

	@Bean
	SecurityFilterChain steadfastFilterChain(HttpSecurity http, List<ModuleAccess> modules,
			ObjectProvider<AuthenticationManager> authenticationManager, ObjectProvider<UserDetailsService> users,
			List<SensitiveActions> sensitive, SessionLimits.SessionSettings sessions, PasskeySettings passkeys,
			Practice practice, Clock clock, ObjectProvider<HandlerMappingIntrospector> handlers) throws Exception {
		// The application's one authentication manager (with its throttling), never a
		// default
		// one. A module test without the accounts module has none, and no sign-in either.
		authenticationManager.ifAvailable(http::authenticationManager);
		NoSuchPage noSuchPage = new NoSuchPage(handlers);
		http.authorizeHttpRequests((requests) -> {
			for (ModuleAccess module : modules) {
				for (AccessRule rule : module.rules()) {
					requests.requestMatchers(matcher(rule)).access(noSuchPage.orElse(manager(rule)));
				}
			}
			// Deny by default: every real address no rule names. A page nothing serves
			// goes on to answer 404.
			requests.anyRequest().access(noSuchPage);
		});
		// The quick exit must work with a stale token (her session may have ended),
		// and all it can do is sign someone out.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, QuickExitController.PATH)));
		http.addFilterAfter(new FormTooLarge.Answer(), CsrfFilter.class);
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler((request, response, authentication) -> {
				if (SignInFactors.complete(authentication)) {
					saved.onAuthenticationSuccess(request, response, authentication);
				}
				else {
					// The saved request waits in the session until the second factor.
					response.sendRedirect(request.getContextPath() + SignInGates.SECOND_FACTOR_PAGE);
				}
			})
			// Spring Security's own failure handler keeps the exception in the session,
			// and
			// with it the attempt and the password typed; sessions live in the database.
			// The
			// one answer needs no detail: wrong and throttled read the same on purpose.
			.failureHandler((request, response, exception) -> response
				.sendRedirect(request.getContextPath() + SIGN_IN_FAILED)));
		if (users.getIfAvailable() != null) {
			URI base = URI.create(practice.baseUrl());
			Set<String> origins = new LinkedHashSet<>();
			origins.add(origin(base));
			origins.addAll(passkeys.origins());
			http.webAuthn((webAuthn) -> webAuthn.rpName(practice.name())
				.rpId(base.getHost())
				.allowedOrigins(origins)
				.disableDefaultRegistrationPage(true));
		}
		http.addFilterBefore(new SessionLimits(sessions, clock), SecurityContextHolderFilter.class);
		http.addFilterBefore(new SignInGates.SecondFactorGate(), AuthorizationFilter.class);
		http.addFilterBefore(new SignInGates.RecentSignInGate(sensitive, clock), AuthorizationFilter.class);
		AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, denied) -> {
			if (FormTooLarge.refused(request)) {
				// Its CSRF token was in the form nobody could read.
				FormTooLarge.answer(request, response);
				return;
			}
			if (!noSuchPage.served(request)) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			var authentication = SignInGates.signedIn();
			if (authentication != null && !SignInFactors.complete(authentication)) {
				response.sendRedirect(request.getContextPath() + SignInGates.SECOND_FACTOR_PAGE);
				return;
			}
			refused.handle(request, response, denied);
		}));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	static RequestMatcher matcher(AccessRule rule) {
		return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
	}

	static AuthorizationManager<RequestAuthorizationContext> manager(AccessRule rule) {
		if (rule.everyone()) {
			return SingleResultAuthorizationManager.permitAll();
		}
		// A sign-in that still owes its second factor is not signed in yet.
		AuthorizationManager<RequestAuthorizationContext> complete = (authentication,
				context) -> new AuthorizationDecision(SignInFactors.complete(authentication.get()));
		if (rule.roles().isEmpty()) {
			return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), complete);
		}
		return AuthorizationManagers.allOf(AuthorityAuthorizationManager
			.hasAnyAuthority(rule.roles().stream().map(Role::authority).sorted().toArray(String[]::new)), complete);
	}

}
