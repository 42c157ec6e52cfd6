package app.steadfast.shared;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * One explicit access rule for a URL pattern, declared by the module that owns the URL.
 * Everything no rule names is denied.
 *
 * @param method the HTTP method, or {@code null} for every method
 * @param pattern a Spring path pattern such as {@code /accounts/password}
 * @param everyone whether anyone, signed in or not, may use it
 * @param roles the roles that may use it when not everyone may; empty means any signed-in
 * person
 */
public record AccessRule(@Nullable HttpMethod method, String pattern, boolean everyone, Set<Role> roles) {

	public AccessRule {
		roles = Set.copyOf(roles);
	}

	/** Anyone may use the pattern with any method. */
	public static AccessRule everyone(String pattern) {
		return new AccessRule(null, pattern, true, Set.of());
	}

	/** Anyone may use the pattern with the given method. */
	public static AccessRule everyone(HttpMethod method, String pattern) {
		return new AccessRule(method, pattern, true, Set.of());
	}

	/** Any signed-in person may use the pattern with any method. */
	public static AccessRule signedIn(String pattern) {
		return new AccessRule(null, pattern, false, Set.of());
	}

	/** Only people with one of the roles may use the pattern, with any method. */
	public static AccessRule roles(String pattern, Role... roles) {
		return new AccessRule(null, pattern, false, Set.of(roles));
	}

	/** Who may use it, in words, for documentation and test messages. */
	public String audience() {
		if (this.everyone) {
			return "everyone";
		}
		return this.roles.isEmpty() ? "signed in" : this.roles.toString();
	}

}
