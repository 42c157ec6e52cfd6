package app.steadfast.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the practice and the person signed in, if any.
 */
@ControllerAdvice
class LayoutAttributes {

	private final PracticeSettings practice;

	private final ObjectProvider<QuickExit> quickExit;

	LayoutAttributes(PracticeSettings practice, ObjectProvider<QuickExit> quickExit) {
		this.practice = practice;
		this.quickExit = quickExit;
	}

	@ModelAttribute("practice")
	Practice practice() {
		return this.practice.current();
	}

	/** The path of this page, so the layout's quick check-in link can lead back here. */
	@ModelAttribute("requestPath")
	String requestPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	/**
	 * Where the quick exit leads, on a partner's pages (the layout shows it to her only).
	 */
	@ModelAttribute("quickExit")
	String quickExit(jakarta.servlet.http.HttpServletRequest request) {
		return (request.getAttribute(Viewer.ATTRIBUTE) instanceof Viewer viewer && viewer.partner())
				? QuickExitController.address(this.quickExit) : null;
	}

	/**
	 * Where the quick exit leads, on the pages kept for offline use: they are the same
	 * for everyone, so each carries the exit, shown by its script on a device where a
	 * partner was signed in. Read only for those pages.
	 */
	@ModelAttribute("neutralExit")
	String neutralExit(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/offline")
				? QuickExitController.address(this.quickExit) : null;
	}

	@ModelAttribute("person")
	SignedIn person(@AuthenticationPrincipal SignedIn person) {
		return person;
	}

}
