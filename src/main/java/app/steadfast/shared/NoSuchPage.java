package app.steadfast.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Lets a page that nothing in the application serves go on to the dispatcher, which
 * answers 404 with the page that helps him find his way, for anyone, signed in or not.
 * Everything that is served stays as its access rule says, and a served address no rule
 * names stays denied: this only decides where access would otherwise be refused, and only
 * grants it to a GET (or HEAD) that no handler of the dispatcher (controllers, static
 * files, actuator) would take. An address a handler serves with another method, or for
 * another content type, counts as served.
 * <p>
 * Only reads are let through because a few security filters act after authorization
 * (Spring Security's passkey registration, which answers POST and DELETE only): they are
 * no handler of the dispatcher, and a granted request would reach them. Other refused
 * requests for addresses nothing serves answer 404 from the access-denied handler, which
 * never grants anything.
 */
final class NoSuchPage implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final ObjectProvider<HandlerMappingIntrospector> handlers;

	NoSuchPage(ObjectProvider<HandlerMappingIntrospector> handlers) {
		this.handlers = handlers;
	}

	/** Grants a read of a page nothing serves; denies everything else. */
	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return missingPage(context.getRequest()) ? GRANTED : DENIED;
	}

	/**
	 * The rule's decision, unless it refuses a read of a page nothing serves (such as
	 * {@code /checkins/no-such-page} under a rule for {@code /checkins/**}).
	 */
	AuthorizationManager<RequestAuthorizationContext> orElse(AuthorizationManager<RequestAuthorizationContext> rule) {
		return (authentication, context) -> {
			AuthorizationResult decision = rule.authorize(authentication, context);
			if (decision != null && decision.isGranted()) {
				return decision;
			}
			return missingPage(context.getRequest()) ? GRANTED : decision;
		};
	}

	private boolean missingPage(HttpServletRequest request) {
		String method = request.getMethod();
		return ("GET".equals(method) || "HEAD".equals(method)) && !served(request);
	}

	/** Whether a handler of the dispatcher would take the request. */
	boolean served(HttpServletRequest request) {
		HandlerMappingIntrospector introspector = this.handlers.getIfAvailable();
		if (introspector == null) {
			// No dispatcher to ask: refuse as before.
			return true;
		}
		// Asked on a copy, so the lookup leaves nothing on the request. (The
		// introspector's
		// own cached lookup forgets that a handler refused the method, so it is not
		// used.)
		HttpServletRequest probe = new Probe(request);
		ServletRequestPathUtils.parseAndCache(probe);
		for (HandlerMapping mapping : introspector.getHandlerMappings()) {
			try {
				if (mapping.getHandler(probe) != null) {
					return true;
				}
			}
			catch (Exception ex) {
				// A handler took the path but not this request (method, content type).
				return true;
			}
		}
		return false;
	}

	/** The request with attributes of its own. */
	private static final class Probe extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		Probe(HttpServletRequest request) {
			super(request);
			for (String name : Collections.list(request.getAttributeNames())) {
				this.attributes.put(name, request.getAttribute(name));
			}
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
