package app.steadfast.shared;

import java.io.Serializable;
import java.util.List;

/**
 * What a person was doing when he was asked to confirm it is him: kept in his session so
 * he returns to it afterwards. Passwords he typed are never kept.
 *
 * @param principal the account (email) that started it; nobody else may finish it
 * @param method GET or POST
 * @param path the path and query to return to
 * @param fields the form fields of a POST, in order, without passwords or the CSRF token
 * @param droppedSecrets whether fields holding passwords were left out (he types them
 * again)
 */
public record PendingAction(String principal, String method, String path, List<Field> fields,
		boolean droppedSecrets) implements Serializable {

	/** The session attribute that holds it. */
	public static final String SESSION_ATTRIBUTE = "steadfast.pendingAction";

	public PendingAction {
		fields = List.copyOf(fields);
	}

	/** Whether it was a form sent with POST. */
	public boolean post() {
		return "POST".equals(this.method);
	}

	/** One form field. */
	public record Field(String name, String value) implements Serializable {
	}

}
