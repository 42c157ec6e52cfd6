package app.steadfast.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The quick exit every page a partner sees carries (the layout puts it there, and the Esc
 * key presses it). With script, the page signs her out in the background and replaces
 * itself in the history with the neutral address; without script, the form posts here:
 * she is signed out and sent on to the neutral address.
 * <p>
 * The form post ends on a plain page of this site that moves on to the outside address at
 * once ({@code meta refresh}), rather than redirecting there: browsers refuse a form's
 * redirect to a host the page's {@code form-action} policy does not name, and that policy
 * stays {@code 'self'}. The exit needs no CSRF token (it must work after her session
 * expired, and all it can do is sign someone out), and is open to everyone. While the
 * database is away, {@link DatabaseUnavailablePage} answers it instead, without the
 * database.
 */
@Controller
class QuickExitController {

	/** The address of the exit: POST signs out and leaves, GET is the plain page. */
	static final String PATH = "/leave";

	private final ObjectProvider<QuickExit> exit;

	QuickExitController(ObjectProvider<QuickExit> exit) {
		this.exit = exit;
	}

	@PostMapping(PATH)
	RedirectView leave(HttpServletRequest request) throws ServletException {
		// The sign-out button's own handlers: security context, session, CSRF token.
		request.logout();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		RedirectView plainPage = new RedirectView(PATH, true);
		plainPage.setStatusCode(HttpStatus.SEE_OTHER);
		return plainPage;
	}

	@GetMapping(PATH)
	String plainPage(Model model) {
		model.addAttribute("onward", onward(address(this.exit)));
		return "layout/leave";
	}

	/** The outside address if one is set, else the plain local page. */
	static String address(ObjectProvider<QuickExit> exit) {
		QuickExit configured = exit.getIfAvailable();
		return usable((configured != null) ? configured.address() : null);
	}

	/**
	 * {@link #address} without reading the database, for the pages shown while it is
	 * away.
	 */
	static String addressWithoutDatabase(ObjectProvider<QuickExit> exit) {
		QuickExit configured = exit.getIfAvailable();
		return usable((configured != null) ? configured.addressWithoutDatabase() : null);
	}

	/** The plain page's onward address: an outside one, or none. */
	static String onward(String address) {
		return address.startsWith("http") ? address : null;
	}

	private static String usable(String address) {
		if (address == null || address.isBlank() || !address.matches("https?://[^\\s<>\"]+")
				|| address.endsWith(PATH)) {
			return PATH;
		}
		return address;
	}

}
