package app.steadfast.shared;

import org.springframework.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * A request that changes something sensitive (a password, a second factor, who may see
 * what) or takes data out, and so needs a recent sign-in. Declared by the module that
 * owns the URL, in a {@link SensitiveActions} bean.
 *
 * @param method the HTTP method
 * @param pattern a Spring path pattern
 * @param parameter when not {@code null}, only requests whose parameter of this name has
 * the value count (granting access needs a recent sign-in; taking it back never waits)
 * @param value the parameter's value that makes the request sensitive
 */
public record SensitiveAction(HttpMethod method, String pattern, @Nullable String parameter, @Nullable String value) {

	/** Every request with the method to the pattern. */
	public static SensitiveAction of(HttpMethod method, String pattern) {
		return new SensitiveAction(method, pattern, null, null);
	}

	/** Requests with the method to the pattern whose parameter has the value. */
	public static SensitiveAction when(HttpMethod method, String pattern, String parameter, String value) {
		return new SensitiveAction(method, pattern, parameter, value);
	}

}
