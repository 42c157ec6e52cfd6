package app.steadfast.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answers 404. Thrown alike for a record that does not exist and for one the viewer may
 * not see, so the answer never tells the two apart.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound() {
		super("not found", null, false, false);
	}

}
