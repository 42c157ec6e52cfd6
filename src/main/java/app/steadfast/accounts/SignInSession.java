package app.steadfast.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Adds a proved factor to the sign-in in the session: the authenticator code after the
 * password, or the password again before a sensitive change.
 */
final class SignInSession {

	private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

	private SignInSession() {
	}

	/**
	 * The same person, with the factor proved now (replacing an older proof of the same
	 * factor); a new session id, so a session id seen before this step is worth nothing.
	 */
	static void prove(Authentication current, String factor, Instant now, HttpServletRequest request,
			HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (GrantedAuthority authority : current.getAuthorities()) {
			if (!factor.equals(authority.getAuthority())) {
				authorities.add(authority);
			}
		}
		authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(now).build());
		UsernamePasswordAuthenticationToken proved = UsernamePasswordAuthenticationToken
			.authenticated(current.getPrincipal(), null, authorities);
		proved.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(proved);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		CONTEXTS.saveContext(context, request, response);
	}

	/**
	 * The same sign-in with the person's new time zone, so the pages of this session show
	 * it at once (his other sessions take it up at their next sign-in).
	 */
	static void changeZone(Authentication current, java.time.ZoneId zone, HttpServletRequest request,
			HttpServletResponse response) {
		if (!(current.getPrincipal() instanceof SignedInAccount person)) {
			return;
		}
		UsernamePasswordAuthenticationToken moved = UsernamePasswordAuthenticationToken
			.authenticated(person.withZone(zone), null, current.getAuthorities());
		moved.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(moved);
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

	/** Where he was going before sign-in asked for more, or home. */
	static String savedTarget(HttpServletRequest request, HttpServletResponse response) {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		SavedRequest saved = cache.getRequest(request, response);
		if (saved == null) {
			return "/";
		}
		cache.removeRequest(request, response);
		return saved.getRedirectUrl();
	}

}
