package app.steadfast.consultations;

/**
 * Why a request was closed.
 */
public enum CloseReason {

	/** He started working with one of the practice's therapists. */
	BECAME_CLIENT("Became a client"),
	/** Another service suits him better, and he was told where. */
	REFERRED_ELSEWHERE("Referred elsewhere"),
	/** The practice tried to reach him and did not hear back. */
	NO_RESPONSE("No response"),
	/** The practice's work is not what he needs. */
	NOT_A_FIT("Not a fit");

	private final String label;

	CloseReason(String label) {
		this.label = label;
	}

	/** The words staff see. */
	public String label() {
		return this.label;
	}

}
