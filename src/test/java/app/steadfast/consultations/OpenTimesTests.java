package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open times from weekly hours in the therapist's own zone, checked against instants
 * worked out by hand: across both changes of the clocks, on days off, around booked
 * appointments with the buffer, and never before the booking notice.
 */
class OpenTimesTests {

	static final AccountId THERAPIST = new AccountId(UUID.randomUUID());

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final Duration FIFTY = Duration.ofMinutes(50);

	static final Duration TEN = Duration.ofMinutes(10);

	@Test
	void aBlockIsCutIntoSessionsOneBufferApart() {
		// Monday 8 March 2027, 09:00-12:00 in Berlin (UTC+1): 09:00, 10:00, 11:00 local.
		List<Slot> open = OpenTimes.of(THERAPIST, BERLIN, List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00")), List.of(),
				List.of(), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-03-08T08:00:00Z", "2027-03-08T09:00:00Z",
				"2027-03-08T10:00:00Z");
		assertThat(open.get(0).end()).isEqualTo(Instant.parse("2027-03-08T08:50:00Z"));
	}

	@Test
	void eighteenHundredStaysEighteenHundredOnHisClockAcrossTheSpringChange() {
		// Berlin moves to summer time on Sunday 28 March 2027: 18:00 is 17:00Z before,
		// 16:00Z
		// after.
		List<Slot> open = OpenTimes.of(THERAPIST, BERLIN, List.of(hours(DayOfWeek.TUESDAY, "18:00", "19:00")),
				List.of(), List.of(), LocalDate.of(2027, 3, 22), LocalDate.of(2027, 4, 4), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-03-23T17:00:00Z", "2027-03-30T16:00:00Z");
	}

	@Test
	void andAcrossTheAutumnChangeInNewYork() {
		// New York leaves daylight time on Sunday 7 November 2027: 18:00 is 22:00Z
		// before,
		// 23:00Z after.
		List<Slot> open = OpenTimes.of(THERAPIST, NEW_YORK, List.of(hours(DayOfWeek.TUESDAY, "18:00", "19:00")),
				List.of(), List.of(), LocalDate.of(2027, 11, 1), LocalDate.of(2027, 11, 14), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-11-02T22:00:00Z", "2027-11-09T23:00:00Z");
	}

	@Test
	void aBlockOverTheSkippedHourHoldsOnlyTheHoursThatReallyPass() {
		// Sunday 28 March 2027 in Berlin, 01:00-05:00 on the clock is three real hours
		// (02:00 to 03:00 does not exist): 01:00, then 03:00 and 04:00 summer time.
		List<Slot> open = OpenTimes.of(THERAPIST, BERLIN, List.of(hours(DayOfWeek.SUNDAY, "01:00", "05:00")), List.of(),
				List.of(), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z",
				"2027-03-28T02:00:00Z");
		assertThat(open.stream().map((s) -> s.start().atZone(BERLIN).toLocalTime().toString())).containsExactly("01:00",
				"03:00", "04:00");
	}

	@Test
	void aBlockOverTheRepeatedHourHoldsTheExtraHour() {
		// Sunday 31 October 2027 in Berlin, 01:00-04:00 on the clock is four real hours.
		List<Slot> open = OpenTimes.of(THERAPIST, BERLIN, List.of(hours(DayOfWeek.SUNDAY, "01:00", "04:00")), List.of(),
				List.of(), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-10-30T23:00:00Z", "2027-10-31T00:00:00Z", "2027-10-31T01:00:00Z",
				"2027-10-31T02:00:00Z");
	}

	@Test
	void daysOffOfferNothingAndTheDayAfterIsOpenAgain() {
		List<WeeklyHours> weekdays = List.of(hours(DayOfWeek.MONDAY, "09:00", "10:00"),
				hours(DayOfWeek.TUESDAY, "09:00", "10:00"), hours(DayOfWeek.WEDNESDAY, "09:00", "10:00"));
		TimeOff holiday = new TimeOff(UUID.randomUUID(), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));
		List<Slot> open = OpenTimes.of(THERAPIST, NEW_YORK, weekdays, List.of(holiday), List.of(),
				LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 29), FIFTY, TEN, Instant.EPOCH);
		assertThat(starts(open)).containsExactly("2027-12-29T14:00:00Z");
	}

	@Test
	void aBookedAppointmentTakesItsTimeAndABufferOnEachSide() {
		// 09:00-13:00 UTC; a free consultation booked 10:30-11:00.
		ZoneId utc = ZoneId.of("UTC");
		OpenTimes.Busy consultation = new OpenTimes.Busy(Instant.parse("2027-03-08T10:30:00Z"),
				Instant.parse("2027-03-08T11:00:00Z"));
		List<Slot> open = OpenTimes.of(THERAPIST, utc, List.of(hours(DayOfWeek.MONDAY, "09:00", "13:00")), List.of(),
				List.of(consultation), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8), FIFTY, TEN, Instant.EPOCH);
		// 10:00-10:50 runs into it; 11:00 leaves no break after it; 12:00 is free.
		assertThat(starts(open)).containsExactly("2027-03-08T09:00:00Z", "2027-03-08T12:00:00Z");
		// Exactly a buffer apart is allowed on both sides.
		assertThat(OpenTimes.clashes(Instant.parse("2027-03-08T09:30:00Z"), Instant.parse("2027-03-08T10:20:00Z"),
				List.of(consultation), TEN))
			.isFalse();
		assertThat(OpenTimes.clashes(Instant.parse("2027-03-08T11:10:00Z"), Instant.parse("2027-03-08T12:00:00Z"),
				List.of(consultation), TEN))
			.isFalse();
		assertThat(OpenTimes.clashes(Instant.parse("2027-03-08T11:09:00Z"), Instant.parse("2027-03-08T11:59:00Z"),
				List.of(consultation), TEN))
			.isTrue();
	}

	@Test
	void nothingIsOfferedBeforeTheNoticeEnds() {
		List<Slot> open = OpenTimes.of(THERAPIST, ZoneId.of("UTC"), List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00")),
				List.of(), List.of(), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8), FIFTY, TEN,
				Instant.parse("2027-03-08T09:00:01Z"));
		assertThat(starts(open)).containsExactly("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z");
	}

	@Test
	void onlyHttpsAddressesOfARealHostAreMeetingRooms() {
		assertThat(TherapistHours.isMeetingAddress("https://meet.example.com/dr-rivera")).isTrue();
		for (String bad : List.of("http://meet.example.com/room", "javascript:alert(1)", "https://",
				"https://localhost/x", "https://user:pw@meet.example.com/", "https://meet.example.com/a b",
				"meet.example.com/room", "https://" + "a".repeat(300) + ".com")) {
			assertThat(TherapistHours.isMeetingAddress(bad)).as(bad).isFalse();
		}
	}

	private static WeeklyHours hours(DayOfWeek day, String from, String to) {
		return new WeeklyHours(day, LocalTime.parse(from), LocalTime.parse(to));
	}

	private static List<String> starts(List<Slot> open) {
		return open.stream().map((s) -> s.start().toString()).toList();
	}

}
