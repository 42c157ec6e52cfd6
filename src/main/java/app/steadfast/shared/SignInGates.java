package app.steadfast.shared;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two checks every request passes after sign-in: a sign-in that still owes its second
 * factor reaches only the pages that finish it, and a sensitive action needs a sign-in
 * within the last ten minutes.
 */
final class SignInGates {

	/** How recent a sign-in must be for a sensitive action. */
	static final Duration RECENT = Duration.ofMinutes(10);

	/** Where a sign-in that owes its second factor is sent. */
	static final String SECOND_FACTOR_PAGE = "/login/code";

	/** Where a person confirms it is him before a sensitive action. */
	static final String CONFIRM_PAGE = "/accounts/confirm";

	private SignInGates() {
	}

	static Authentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication;
	}

	/** Until the second factor is proved, only the pages that prove it. */
	static final class SecondFactorGate extends OncePerRequestFilter {

		private static final List<RequestMatcher> ALLOWED = List
			.of("/login/**", "/logout", "/webauthn/authenticate/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
					"/favicon.ico", "/error", "/crisis")
			.stream()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList();

		private static final RequestMatcher REGISTRATION = PathPatternRequestMatcher.withDefaults()
			.matcher("/webauthn/register/**");

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = signedIn();
			if (REGISTRATION.matches(request) && (authentication == null || !SignInFactors.complete(authentication))) {
				// Creating a passkey is for someone fully signed in, never for a visitor.
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
				return;
			}
			if (authentication != null && !SignInFactors.complete(authentication)
					&& ALLOWED.stream().noneMatch((matcher) -> matcher.matches(request))) {
				response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PAGE);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** A sensitive action after more than ten minutes asks him to confirm it is him. */
	static final class RecentSignInGate extends OncePerRequestFilter {

		private final List<SensitiveActions> modules;

		private final Clock clock;

		RecentSignInGate(List<SensitiveActions> modules, Clock clock) {
			this.modules = modules;
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = signedIn();
			if (authentication == null || !sensitive(request)
					|| SignInFactors.recent(authentication, this.clock.instant(), RECENT)) {
				chain.doFilter(request, response);
				return;
			}
			String contentType = request.getContentType();
			if (contentType != null
					&& contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
				// A script's request (adding a passkey): it tells him to reload and
				// confirm.
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
				return;
			}
			request.getSession().setAttribute(PendingAction.SESSION_ATTRIBUTE, pending(authentication, request));
			response.sendRedirect(request.getContextPath() + CONFIRM_PAGE);
		}

		boolean sensitive(HttpServletRequest request) {
			for (SensitiveActions module : this.modules) {
				for (SensitiveAction action : module.actions()) {
					if (PathPatternRequestMatcher.withDefaults()
						.matcher(action.method(), action.pattern())
						.matches(request)
							&& (action.parameter() == null
									|| action.value().equals(request.getParameter(action.parameter())))) {
						return true;
					}
				}
			}
			return false;
		}

		static PendingAction pending(Authentication authentication, HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!"POST".equals(request.getMethod())) {
				String query = request.getQueryString();
				return new PendingAction(authentication.getName(), "GET", (query != null) ? path + "?" + query : path,
						List.of(), false);
			}
			List<PendingAction.Field> fields = new ArrayList<>();
			boolean dropped = false;
			for (String name : Collections.list(request.getParameterNames())) {
				if ("_csrf".equals(name)) {
					continue;
				}
				if (name.toLowerCase(Locale.ROOT).contains("password") || "code".equals(name)) {
					dropped = true;
					continue;
				}
				for (String value : request.getParameterValues(name)) {
					fields.add(new PendingAction.Field(name, value));
				}
			}
			return new PendingAction(authentication.getName(), "POST", path, fields, dropped);
		}

	}

}
