package app.steadfast.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in right after their account was made with the password they just chose
 * (sign-up, or an invitation accepted with a new account), through the same
 * authentication manager as the sign-in form, so throttling and the audit log apply
 * alike.
 */
@Component
public class SignInAfterSignUp {

	private final AuthenticationManager authentication;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SignInAfterSignUp(AuthenticationManager authentication) {
		this.authentication = authentication;
	}

	/**
	 * Signs the person in on this request's session, under a new session id.
	 * @throws org.springframework.security.core.AuthenticationException if the email and
	 * password do not sign in
	 */
	public void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
				password);
		attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
		Authentication result = this.authentication.authenticate(attempt);
		if (request.getSession(false) != null) {
			// A new session id at sign-in: a session fixed before cannot be taken over.
			request.changeSessionId();
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(result);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
