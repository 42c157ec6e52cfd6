package app.steadfast.shared;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
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
 * Drops NUL characters from every request parameter before anything reads it. Nobody
 * types one; PostgreSQL refuses them in text, so one sent on purpose would otherwise end
 * a sign-in or a reset request in an error page instead of an ordinary answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NoNulCharacters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean found = request.getParameterMap()
			.values()
			.stream()
			.flatMap(Arrays::stream)
			.anyMatch((value) -> value != null && value.indexOf('\u0000') >= 0);
		chain.doFilter(found ? new Cleaned(request) : request, response);
	}

	private static final class Cleaned extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Cleaned(HttpServletRequest request) {
			super(request);
			Map<String, String[]> cleaned = new LinkedHashMap<>();
			request.getParameterMap()
				.forEach((name, values) -> cleaned.put(name,
						Arrays.stream(values)
							.map((v) -> (v != null) ? v.replace("\u0000", "") : null)
							.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(cleaned);
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
