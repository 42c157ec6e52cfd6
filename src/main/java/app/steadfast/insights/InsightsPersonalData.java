package app.steadfast.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/** His weekly review lines, for the export of his data. */
@Component
class InsightsPersonalData implements PersonalData {

	private final WeeklyReview review;

	InsightsPersonalData(WeeklyReview review) {
		this.review = review;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("weekly_review", this.review.lines(new AccountId(person)));
		return tables;
	}

}
