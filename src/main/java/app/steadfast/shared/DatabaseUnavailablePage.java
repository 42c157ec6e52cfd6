package app.steadfast.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailablePage extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(DatabaseUnavailablePage.class);

	private final ITemplateEngine templates;

	private final Practice practice;

	DatabaseUnavailablePage(ITemplateEngine templates, Practice practice) {
		this.templates = templates;
		this.practice = practice;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
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
			// The exception's class only: its message may name the database's address.
			logger.warn("The database is unavailable; answered " + request.getMethod() + " with 503 ("
					+ rootCause(ex).getClass().getName() + ")");
			render(request, response);
		}
	}

	private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setContentType("text/html;charset=UTF-8");
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), request.getLocale(), Map.of("practice", this.practice));
		this.templates.process("error/unavailable", context, response.getWriter());
		response.flushBuffer();
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
