package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import app.steadfast.accounts.Person;
import app.steadfast.shared.Mail;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.PracticeSettings;

import org.springframework.stereotype.Component;

/**
 * The emails of the consultations module. None repeats what he wrote: an inbox can be
 * read by others, so emails carry times, names and links only.
 */
@Component
class ConsultationMail {

	private final Postbox postbox;

	private final PracticeSettings practice;

	private final ConsultationSettings settings;

	private final Clock clock;

	private final DateTimeFormatter when;

	ConsultationMail(Postbox postbox, PracticeSettings practice, ConsultationSettings settings, Clock clock) {
		this.postbox = postbox;
		this.practice = practice;
		this.settings = settings;
		this.clock = clock;
		this.when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm (zzzz)", Locale.ENGLISH)
			.withZone(practice.current().zone());
	}

	/** The confirmation to him, when he gave an email address. */
	void received(Consultation request) {
		if (request.email() == null) {
			return;
		}
		this.postbox.send(new Mail(request.email(), "We received your request · " + this.practice.current().name(), """
				Hello %s,

				Thank you for reaching out. We have your request for a free consultation.

				What happens next: someone from %s will get in touch %s within one business day \
				(Monday to Friday), at one of the times you chose. You don't need to do anything until then.

				To keep it private, this email doesn't repeat what you wrote.

				If you didn't ask for this, you can ignore this email.
				""".formatted(request.name(), this.practice.current().name(), request.contactBy().phrase())));
	}

	/** Tells the practice a request is waiting; never his message. */
	void notifyPractice(Consultation request) {
		this.postbox.send(new Mail(this.settings.notifyAddress(), "New free-consultation request", """
				A new request for a free consultation arrived %s.

				It's waiting in the inbox (sign in to read it):
				%s

				The first contact is due within one business day.
				""".formatted(this.when.format(request.receivedAt()), link("/consultations/" + request.uuid()))));
	}

	/**
	 * The invitation with its calendar file, to him (if he gave an email) in the
	 * practice's zone and to the therapist in his own.
	 */
	void scheduled(Consultation request, Person therapist, ZoneId therapistZone) {
		Instant start = request.scheduledAt();
		String time = this.when.format(start);
		String therapistTime = this.when.withZone(therapistZone).format(start);
		boolean moved = request.invitationSequence() > 1;
		String uid = "consultation-" + request.uuid() + "@steadfast";
		CalendarInvitation.Person guest = (request.email() != null)
				? new CalendarInvitation.Person(request.name(), request.email()) : null;
		byte[] ics = CalendarInvitation.ics(uid, request.invitationSequence() - 1, start, this.settings.length(),
				this.practice.current().zone(), "Free consultation · " + this.practice.current().name(),
				"A free, no-obligation conversation with " + therapist.displayName() + " of "
						+ this.practice.current().name() + ". We'll reach you " + request.contactBy().phrase() + ".",
				new CalendarInvitation.Person(therapist.displayName(), therapist.email()), guest, this.clock.instant());
		List<Mail.Attachment> attachment = List
			.of(new Mail.Attachment(CalendarInvitation.FILE_NAME, CalendarInvitation.CONTENT_TYPE, ics));
		if (request.email() != null) {
			this.postbox.send(new Mail(request.email(),
					(moved ? "New time for your free consultation: " : "Your free consultation: ") + time,
					"""
							Hello %s,

							Your free consultation with %s of %s is %s.
							It lasts about %d minutes. We'll reach you %s.

							The attached file adds it to your calendar.

							If the time doesn't work for you after all, write to %s and we'll find another.
							""".formatted(request.name(), therapist.displayName(), this.practice.current().name(),
							(moved ? "now " : "") + time, this.settings.length().toMinutes(),
							request.contactBy().phrase(), this.settings.notifyAddress()),
					attachment));
		}
		this.postbox.send(new Mail(therapist.email(), "Free consultation scheduled: " + therapistTime, """
				Hello %s,

				You have a free consultation %s (about %d minutes). Contact him %s.

				The request, with how to reach him:
				%s
				""".formatted(therapist.displayName(), therapistTime, this.settings.length().toMinutes(),
				request.contactBy().phrase(), link("/consultations/" + request.uuid())), attachment));
	}

	/** The single-use link to create his client account. */
	void clientInvitation(Consultation request, Person therapist, String token) {
		this.postbox.send(new Mail(request.email(), "Your private space at " + this.practice.current().name(), """
				Hello %s,

				%s has invited you to create your account at %s, for the work you'll do together.

				Create it here (you'll choose your own password):
				%s

				The link works once and for %d days. Everything you write there stays private unless you \
				choose to share it, one thing at a time.

				If you weren't expecting this, you can ignore it.
				""".formatted(request.name(), therapist.displayName(), this.practice.current().name(),
				link("/consultation/invitation?token=" + token), this.settings.invitationLifetime().toDays())));
	}

	private String link(String path) {
		return this.practice.current().baseUrl().replaceAll("/+$", "") + path;
	}

}
