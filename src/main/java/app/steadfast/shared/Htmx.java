package app.steadfast.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * htmx as progressive enhancement: the same URL serves a whole page, and an htmx request
 * gets one fragment of it.
 */
public final class Htmx {

	/** The request header htmx sets on its requests. */
	public static final String REQUEST_HEADER = "HX-Request";

	private Htmx() {
	}

	/** Whether htmx made this request. */
	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader(REQUEST_HEADER));
	}

	/** The view: the whole page, or only the fragment for an htmx request. */
	public static String view(HttpServletRequest request, String page, String fragment) {
		return isHtmx(request) ? page + " :: " + fragment : page;
	}

}
