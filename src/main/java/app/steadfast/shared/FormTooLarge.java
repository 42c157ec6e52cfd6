package app.steadfast.shared;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form the server will not read (larger than
 * {@code server.tomcat.max-http-form-post-size}, 2 MB by default, or with too many
 * fields) is answered with the app's own page, inside the security filter chain, so the
 * answer has the security headers and a signed-in person keeps his menu and his session.
 * <p>
 * The container refuses such a form when its fields are first read, which happens in the
 * first filter that reads a parameter; before, that was outside the security chain, and
 * the error page that followed could neither carry the headers nor render (it had no CSRF
 * token), so Tomcat's bare page went out with a stack trace in the log. Here the first
 * reading is caught and remembered, the request goes on with no fields at all, and
 * {@link Answer}, right after the CSRF filter, ends it with 413 before anything acts on
 * it. Nothing of what was sent can be read, so nothing of it is kept on the server: the
 * page sends him back to his form, where the browser may still hold what he wrote.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FormTooLarge extends OncePerRequestFilter {

	/**
	 * Request attribute: the status to answer with, set when the form could not be read.
	 */
	static final String REFUSED = FormTooLarge.class.getName() + ".REFUSED";

	/** Request attribute: the page of this site the form was sent from, if known. */
	static final String BACK = "formTooLargeBack";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: too large, or too many fields.
			request.setAttribute(REFUSED, (request.getContentLengthLong() != 0) ? 413 : 400);
			chain.doFilter(new NoFields(request), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether this request's form could not be read. */
	static boolean refused(HttpServletRequest request) {
		return request.getAttribute(REFUSED) != null;
	}

	/**
	 * Ends a refused request with its status and the app's error page. Called from the
	 * security chain, so the headers are written first.
	 */
	static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String back = sameSitePath(request);
		if (back != null) {
			request.setAttribute(BACK, back);
		}
		response.sendError((Integer) request.getAttribute(REFUSED));
	}

	/**
	 * The path of the page the form came from (its Referer), when that page is on this
	 * site; else null.
	 */
	static String sameSitePath(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI from = URI.create(referer);
			boolean here = request.getServerName().equalsIgnoreCase(from.getHost())
					&& (from.getPort() == -1 || from.getPort() == request.getServerPort());
			String path = from.getRawPath();
			if (!here || path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			return (from.getRawQuery() != null) ? path + "?" + from.getRawQuery() : path;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The filter in the security chain, right after the CSRF filter. */
	static final class Answer extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (refused(request)) {
				answer(request, response);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** The request as it goes on: no fields, since none could be read. */
	private static final class NoFields extends HttpServletRequestWrapper {

		NoFields(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
