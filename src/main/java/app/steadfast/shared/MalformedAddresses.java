package app.steadfast.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * An address whose id (or date, number, kind) cannot be read names nothing: it answers
 * exactly the 404 of an id that names no record, or one the viewer may not see, so the
 * answer never tells a malformed id from someone else's. Each module reads its own ids
 * with a converter; this is where a failed reading ends. Query parameters and form fields
 * are not addresses: their failures keep their own answers.
 */
@ControllerAdvice
class MalformedAddresses {

	@ExceptionHandler
	void unreadable(MethodArgumentTypeMismatchException failure, HttpServletResponse response) throws Exception {
		if (!failure.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// Rethrown, it goes on to Spring's own answer, as if not handled here.
			throw failure;
		}
		notFound(response);
	}

	/** Blank text (an encoded space) reads as no value at all. */
	@ExceptionHandler
	void blank(MissingPathVariableException failure, HttpServletResponse response) throws Exception {
		if (!failure.isMissingAfterConversion()) {
			throw failure;
		}
		notFound(response);
	}

	// The same call NotFound's @ResponseStatus makes, so the same error page follows.
	private static void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

}
