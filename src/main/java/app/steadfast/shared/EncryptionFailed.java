package app.steadfast.shared;

/**
 * A value could not be opened: it was altered, moved to another row, or sealed with a key
 * this deployment no longer has. The message never contains the value.
 */
public class EncryptionFailed extends RuntimeException {

	EncryptionFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
