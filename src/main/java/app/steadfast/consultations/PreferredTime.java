package app.steadfast.consultations;

/**
 * When it suits him to be contacted.
 */
enum PreferredTime {

	WEEKDAY_MORNING("Weekday mornings"), WEEKDAY_AFTERNOON("Weekday afternoons"), WEEKDAY_EVENING("Weekday evenings"),
	SATURDAY("Saturdays"), ANY_TIME("Any time");

	private final String label;

	PreferredTime(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
