package app.steadfast.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, every request answers 503 with a plain page in the
 * practice's look instead of a stack trace or a bare error. It sits in front of every
 * other filter, the session filter included (sessions live in the database too), and
 * renders without the session, the signed-in person or the database. Nothing is retried:
 * a save that failed is rolled back by its transaction, and the next request after the
 * database returns is served as usual (the connection pool reconnects by itself).
 * <p>
 * Whoever reads the page may be a partner who must be able to leave at once, and nobody
 * can tell who is signed in: the page carries the quick exit for everyone, with the same
 * look and the same Esc key as the layout's. It leads to the exit's plain page
 * ({@link QuickExitController#PATH}), which is answered here when the database is away
 * (the session cannot be ended then, so the browser is told to forget its cookie); the
 * style sheet, script and images the page uses are served without the session, which they
 * never need.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailablePage extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(DatabaseUnavailablePage.class);

	/** Where the page's own files live: served to everyone, without the session. */
	private static final String[] STATIC_FILES = { "/css/", "/js/", "/images/", "/webjars/", "/favicon.ico" };

	private final ITemplateEngine templates;

	private final Practice practice;

	private final ObjectProvider<QuickExit> exit;

	private final ObjectProvider<CookieSerializer> sessionCookie;

	DatabaseUnavailablePage(ITemplateEngine templates, Practice practice, ObjectProvider<QuickExit> exit,
			ObjectProvider<CookieSerializer> sessionCookie) {
		this.templates = templates;
		this.practice = practice;
		this.exit = exit;
		this.sessionCookie = sessionCookie;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(staticFile(request) ? withoutSession(request) : request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!databaseUnavailable(ex)) {
				throw ex;
			}
			if (response.isCommitted()) {
				// The answer went out before the failure (the session's last write after
				// a save's redirect, say): what it said is true, so it stands.
				logger.warn("The database became unavailable after " + request.getMethod()
						+ " was answered; the answer stands (" + rootCause(ex).getClass().getName() + ")");
				return;
			}
			boolean exit = QuickExitController.PATH.equals(path(request));
			// The exception's class only: its message may name the database's address.
			logger.warn("The database is unavailable; answered " + request.getMethod()
					+ (exit ? " of the quick exit without it (" : " with 503 (") + rootCause(ex).getClass().getName()
					+ ")");
			if (exit) {
				leave(request, response);
			}
			else {
				render(request, response);
			}
		}
	}

	/**
	 * The quick exit while the database is away: her session cannot be ended, so the
	 * browser is told to forget its cookie; a post goes on to the plain page, and the
	 * plain page moves on to the neutral site, as when the database is there.
	 */
	private void leave(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		headers(response);
		CookieSerializer cookie = this.sessionCookie.getIfAvailable();
		if (cookie != null) {
			cookie.writeCookieValue(new CookieSerializer.CookieValue(request, response, ""));
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + QuickExitController.PATH);
			response.flushBuffer();
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		Map<String, Object> model = new HashMap<>();
		model.put("onward", QuickExitController.onward(QuickExitController.addressWithoutDatabase(this.exit)));
		process("layout/leave", model, request, response);
	}

	private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		headers(response);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		process("error/unavailable",
				Map.of("practice", this.practice, "quickExit", QuickExitController.addressWithoutDatabase(this.exit)),
				request, response);
	}

	private static void headers(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
	}

	private void process(String template, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/html;charset=UTF-8");
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), request.getLocale(), model);
		this.templates.process(template, context, response.getWriter());
		response.flushBuffer();
	}

	/** Whether the request reads one of the files pages use: it needs no session. */
	static boolean staticFile(HttpServletRequest request) {
		String path = path(request);
		return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& Arrays.stream(STATIC_FILES).anyMatch(path::startsWith);
	}

	/** The address asked for, within the application. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * The request without the session cookie: the session filter then never asks the
	 * database for a session the file does not need.
	 */
	private static HttpServletRequest withoutSession(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public Cookie[] getCookies() {
				Cookie[] cookies = super.getCookies();
				return (cookies != null) ? Arrays.stream(cookies)
					.filter((c) -> !KernelConfiguration.SESSION_COOKIE.equals(c.getName()))
					.toArray(Cookie[]::new) : null;
			}

		};
	}

	/**
	 * Whether the failure, or anything that caused it, says the database is out of reach.
	 */
	static boolean databaseUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotCreateTransactionException
					// A commit or rollback that failed on the connection itself.
					|| (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException)
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
					&& databaseUnavailable(transaction.getApplicationException())) {
				return true;
			}
			// SQL state class 08: connection exception.
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
