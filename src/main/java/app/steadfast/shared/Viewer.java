package app.steadfast.shared;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who is looking at a page, as the layout's menu needs it: signed in or not, and in which
 * role. Set as the request attribute {@code viewer} before every handler, error pages
 * included, so the layout reads a few booleans instead of parsing and evaluating a
 * security expression for each menu block on every page. The menu only shows links; what
 * each link opens is decided by the access rules.
 *
 * @param signedIn someone is signed in
 * @param clientOrPartner a client or a partner
 * @param therapist a therapist
 * @param admin an administrator
 * @param partner a partner: every page she sees carries the quick exit
 * @param mark a mark of who is signed in (a digest of the account id, the same on every
 * page of his), so a check-in his browser kept offline is sent only while he is signed
 * in, never for someone else on a shared device; null when no one is
 */
public record Viewer(boolean signedIn, boolean clientOrPartner, boolean therapist, boolean admin, boolean partner,
		@Nullable String mark) {

	static final String ATTRIBUTE = "viewer";

	/** A client (the man doing the work). */
	public boolean client() {
		return this.clientOrPartner && !this.partner;
	}

	static Viewer of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return new Viewer(false, false, false, false, false, null);
		}
		Set<String> roles = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			roles.add(authority.getAuthority());
		}
		return new Viewer(true, roles.contains(Role.CLIENT.authority()) || roles.contains(Role.PARTNER.authority()),
				roles.contains(Role.THERAPIST.authority()), roles.contains(Role.ADMIN.authority()),
				roles.contains(Role.PARTNER.authority()),
				(authentication.getPrincipal() instanceof SignedIn person) ? mark(person.accountId()) : null);
	}

	private static String mark(java.util.UUID account) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("steadfast-viewer:" + account).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Exposure implements WebMvcConfigurer, HandlerInterceptor {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(this);
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			request.setAttribute(ATTRIBUTE, of(SecurityContextHolder.getContext().getAuthentication()));
			return true;
		}

	}

}
