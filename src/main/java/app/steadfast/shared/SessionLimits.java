package app.steadfast.shared;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lasted longer than the absolute limit, however active it was.
 * The idle limit is the session store's own timeout ({@code spring.session.timeout},
 * which follows {@code steadfast.sessions.idle}). Sessions live in the database, so the
 * limit holds on every node.
 */
class SessionLimits extends OncePerRequestFilter {

	/**
	 * @param idle how long a session lasts without a request
	 * @param absolute how long a session lasts at most from sign-in
	 */
	@ConfigurationProperties("steadfast.sessions")
	record SessionSettings(@DefaultValue("30m") Duration idle, @DefaultValue("12h") Duration absolute) {
	}

	private final SessionSettings settings;

	private final Clock clock;

	SessionLimits(SessionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && Instant.ofEpochMilli(session.getCreationTime())
			.plus(this.settings.absolute())
			.isBefore(this.clock.instant())) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
