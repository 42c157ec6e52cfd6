package app.steadfast.consultations;

import java.util.List;

/**
 * Which requests the inbox shows.
 */
enum InboxFilter {

	OPEN("Open", List.of(ConsultationStatus.NEW, ConsultationStatus.CONTACTED, ConsultationStatus.SCHEDULED)),
	NEW("New", List.of(ConsultationStatus.NEW)), CONTACTED("Contacted", List.of(ConsultationStatus.CONTACTED)),
	SCHEDULED("Scheduled", List.of(ConsultationStatus.SCHEDULED)), CLOSED("Closed", List.of(ConsultationStatus.CLOSED)),
	ALL("All", List.of(ConsultationStatus.values()));

	private final String label;

	private final List<ConsultationStatus> statuses;

	InboxFilter(String label, List<ConsultationStatus> statuses) {
		this.label = label;
		this.statuses = statuses;
	}

	public String label() {
		return this.label;
	}

	List<ConsultationStatus> statuses() {
		return this.statuses;
	}

	/** The filter a query parameter names; open requests for anything else. */
	static InboxFilter named(String name) {
		for (InboxFilter filter : values()) {
			if (filter.name().equalsIgnoreCase(String.valueOf(name))) {
				return filter;
			}
		}
		return OPEN;
	}

}
