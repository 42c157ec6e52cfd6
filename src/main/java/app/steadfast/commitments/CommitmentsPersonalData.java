package app.steadfast.commitments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * His commitments with their wording history and every recorded day, his reminder
 * settings, and what he said he saw of someone else's (as a partner).
 */
@Component
class CommitmentsPersonalData implements PersonalData {

	private final CommitmentManagement commitments;

	private final CommitmentQueries queries;

	CommitmentsPersonalData(CommitmentManagement commitments, CommitmentQueries queries) {
		this.commitments = commitments;
		this.queries = queries;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("commitments",
				this.commitments.list(me, me)
					.stream()
					.map((c) -> new Exported(c.id().value(), c.title(), c.why(), c.schedule(), c.startDate(),
							c.endDate(), c.status().name(), c.remindAt(), c.wordings()))
					.toList());
		tables.put("commitment_days", this.queries.recordedDays(me));
		tables.put("commitment_days_seen_by_me", this.queries.witnessedBy(me));
		tables.put("reminder_settings", List.of(this.commitments.settings(me)));
		return tables;
	}

	record Exported(UUID id, String title, String why, String schedule, java.time.LocalDate startDate,
			java.time.LocalDate endDate, String status, java.time.LocalTime remindAt,
			List<CommitmentView.Wording> earlierWording) {
	}

}
