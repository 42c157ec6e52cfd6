package app.steadfast.shared;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the practice and the person signed in, if any.
 */
@ControllerAdvice
class LayoutAttributes {

	private final PracticeSettings practice;

	LayoutAttributes(PracticeSettings practice) {
		this.practice = practice;
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

	@ModelAttribute("person")
	SignedIn person(@AuthenticationPrincipal SignedIn person) {
		return person;
	}

}
