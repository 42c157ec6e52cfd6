package app.steadfast.consultations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.jspecify.annotations.Nullable;

/**
 * A calendar invitation (RFC 5545, METHOD:REQUEST) for a scheduled consultation, in the
 * practice's time zone with its VTIMEZONE definition, so every calendar shows the same
 * moment. Rescheduling sends the same UID with a higher SEQUENCE, which moves the entry.
 */
final class CalendarInvitation {

	/** The MIME type calendar clients recognise as an invitation. */
	static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

	/** The MIME type of a cancellation, which takes the entry out of the calendar. */
	static final String CANCEL_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=CANCEL";

	static final String FILE_NAME = "consultation.ics";

	private CalendarInvitation() {
	}

	record Person(String name, String email) {
	}

	/**
	 * The invitation as bytes.
	 * @param uid the same for every version of this consultation's invitation
	 * @param sequence higher for each new time
	 * @param organizer the therapist who holds it
	 * @param guest the man who asked, if he gave an email address
	 */
	static byte[] ics(String uid, int sequence, Instant start, Duration length, ZoneId zone, String summary,
			String description, Person organizer, @Nullable Person guest, Instant now) {
		return ics(uid, sequence, start, length, zone, summary, description, organizer, guest, now, false);
	}

	/**
	 * The invitation as bytes, or with {@code cancelled} its cancellation (METHOD:CANCEL,
	 * STATUS:CANCELLED, the same UID and a higher SEQUENCE), which removes the entry.
	 */
	static byte[] ics(String uid, int sequence, Instant start, Duration length, ZoneId zone, String summary,
			String description, Person organizer, @Nullable Person guest, Instant now, boolean cancelled) {
		VTimeZone definition = timeZone(zone);
		// A zone ical4j has no definition for (a fixed offset) is written in UTC instead:
		// the same moment, which every calendar shows in its own zone.
		VEvent event = (definition != null) ? new VEvent(start.atZone(zone), start.atZone(zone).plus(length), summary)
				: new VEvent(start, start.plus(length), summary);
		event.replace(new DtStamp(now));
		event.add(new Uid(uid));
		event.add(new Sequence(sequence));
		event.add(new Description(description));
		if (cancelled) {
			event.add(net.fortuna.ical4j.model.property.immutable.ImmutableStatus.VEVENT_CANCELLED);
		}
		Organizer host = new Organizer(URI.create("mailto:" + organizer.email()));
		host.add(new Cn(organizer.name()));
		event.add(host);
		for (Person person : (guest != null) ? List.of(organizer, guest) : List.of(organizer)) {
			Attendee attendee = new Attendee(URI.create("mailto:" + person.email()));
			attendee.add(new Cn(person.name()));
			attendee.add(Role.REQ_PARTICIPANT);
			attendee.add((person == organizer) ? PartStat.ACCEPTED : PartStat.NEEDS_ACTION);
			if (person != organizer) {
				attendee.add(Rsvp.TRUE);
			}
			event.add(attendee);
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Steadfast//Free consultations//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		if (definition != null) {
			calendar.add(definition);
		}
		calendar.add(event);
		return calendar.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Nullable private static VTimeZone timeZone(ZoneId zone) {
		TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
		String id = zone.normalized().getId();
		net.fortuna.ical4j.model.TimeZone known = registry.getTimeZone(id);
		if (known == null && ("Z".equals(id) || "UTC".equals(id))) {
			known = registry.getTimeZone("Etc/UTC");
		}
		if (known == null) {
			return null;
		}
		VTimeZone definition = known.getVTimeZone().copy();
		// The definition names a page on another host; calendar clients need not visit
		// it.
		definition.getProperty("TZURL").ifPresent(definition::remove);
		return definition;
	}

}
