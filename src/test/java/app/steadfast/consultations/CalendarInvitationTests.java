package app.steadfast.consultations;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInvitationTests {

	private static final Instant START = Instant.parse("2026-12-03T17:00:00Z");

	@Test
	void aPracticeInUtcGetsAValidInvitationToo() throws Exception {
		Calendar calendar = parse(ZoneId.of("UTC"));
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(event.getStartDate().orElseThrow().getValue()).startsWith("20261203T170000");
		assertThat(calendar.validate().hasErrors()).isFalse();
	}

	@Test
	void textWithCommasAndLineBreaksIsEscaped() throws Exception {
		byte[] ics = CalendarInvitation.ics("uid-1@steadfast", 0, START, Duration.ofMinutes(30),
				ZoneId.of("Europe/Berlin"), "Free consultation, Madrega; \"quoted\"", "Line one\nLine two",
				new CalendarInvitation.Person("Dr. Ann O'Neil", "ann@example.org"),
				new CalendarInvitation.Person("Zoë, Jr.", "zoe@example.org"), START);
		Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
			.isEqualTo("Free consultation, Madrega; \"quoted\"");
		assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo("Line one\nLine two");
		assertThat(event.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("Europe/Berlin");
	}

	private static Calendar parse(ZoneId zone) throws Exception {
		byte[] ics = CalendarInvitation.ics("uid-0@steadfast", 0, START, Duration.ofMinutes(30), zone, "Summary",
				"Description", new CalendarInvitation.Person("Therapist", "t@example.org"), null, START);
		return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
	}

}
