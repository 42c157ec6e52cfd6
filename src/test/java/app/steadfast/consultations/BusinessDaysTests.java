package app.steadfast.consultations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTests {

	private static final ZoneId ZONE = ZoneId.of("America/Chicago");

	@Test
	void aWeekdayRequestIsDueAtTheSameTimeOnTheNextBusinessDay() {
		// 2026-12-01 is a Tuesday, 2026-12-04 a Friday.
		assertThat(due("2026-12-01T15:00")).isEqualTo(at("2026-12-02T15:00"));
		assertThat(due("2026-12-04T15:00")).isEqualTo(at("2026-12-07T15:00"));
	}

	@Test
	void aWeekendRequestCountsFromMondayMorning() {
		assertThat(due("2026-12-05T10:00")).isEqualTo(at("2026-12-08T00:00"));
		assertThat(due("2026-12-06T23:00")).isEqualTo(at("2026-12-08T00:00"));
	}

	@Test
	void ageReadsInWords() {
		Instant now = at("2026-12-10T12:00");
		assertThat(BusinessDays.age(now.minusSeconds(20), now)).isEqualTo("just now");
		assertThat(BusinessDays.age(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
		assertThat(BusinessDays.age(now.minusSeconds(3 * 3600), now)).isEqualTo("3 hours ago");
		assertThat(BusinessDays.age(now.minusSeconds(5 * 86400), now)).isEqualTo("5 days ago");
	}

	private static Instant due(String received) {
		return BusinessDays.answerDue(at(received), ZONE);
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}

}
