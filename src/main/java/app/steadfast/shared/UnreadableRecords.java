package app.steadfast.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A stored record that cannot be opened (altered, moved to another row, or sealed with a
 * key the keyset no longer holds) fails closed: the page says so in plain words, the log
 * names the table and the address (never the text), and nothing of another row shows.
 */
@ControllerAdvice
class UnreadableRecords {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);

	private final PracticeSettings practice;

	UnreadableRecords(PracticeSettings practice) {
		this.practice = practice;
	}

	@ExceptionHandler(EncryptionFailed.class)
	ModelAndView unreadable(EncryptionFailed failure, HttpServletRequest request) {
		// The message names the table only; the cause is the cipher's verdict, never the
		// text.
		log.error("A stored record could not be opened for {} {}: {}", request.getMethod(), request.getRequestURI(),
				failure.getMessage());
		ModelAndView page = new ModelAndView("error/unreadable");
		page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		page.addObject("practice", this.practice.current());
		page.addObject("requestPath", request.getRequestURI());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		page.addObject("person", (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn)
				? signedIn : null);
		return page;
	}

}
