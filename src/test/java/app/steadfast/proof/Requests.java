package app.steadfast.proof;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.accounts.Person;
import app.steadfast.couple.PulseItem;
import app.steadfast.proof.AccessMatrixTests.Request;
import app.steadfast.repair.StatementPart;

/**
 * A concrete request for every endpoint: its path variables filled with real ids the
 * client (or his partner) owns, made fresh for every request where a request may use the
 * object up, and valid-looking form fields.
 */
final class Requests {

	private static final java.util.concurrent.atomic.AtomicInteger HAND_SCHEDULED = new java.util.concurrent.atomic.AtomicInteger();

	/** Path variables that name no one's object: a slug, a tag, a card key, a week. */
	static final List<String> NOT_AN_OBJECT = List.of("{slug}", "{tag}", "{key}", "{kind}", "{week}", "{name}");

	/** The practice's own records, which staff work on: no client owns them. */
	static final List<String> STAFF_RECORDS = List.of("/admin/staff/{id}", "/admin/articles/{id}",
			"/consultations/{id}");

	private Requests() {
	}

	static Request of(String endpoint, ProofWorld w) throws Exception {
		return build(endpoint, w, false);
	}

	/** The same request with every id a random UUID that names nothing. */
	static Request withRandomIds(String endpoint, ProofWorld w) throws Exception {
		return build(endpoint, w, true);
	}

	/**
	 * Someone whose role may use the address but who owns nothing it names: another
	 * client, or another therapist for the therapist's pages.
	 */
	static Person strangerFor(String endpoint, ProofWorld w) {
		String path = endpoint.substring(endpoint.indexOf(' ') + 1);
		if (path.startsWith("/care/clients") || path.startsWith("/care/alerts") || path.startsWith("/care/schedule")
				|| path.startsWith("/care/hours")) {
			return w.otherTherapist;
		}
		if (path.startsWith("/repair/shared") || path.startsWith("/couple/requests")) {
			return w.otherPartner;
		}
		if (path.startsWith("/conversations/shared/") || path.startsWith("/commitments/shared/")) {
			return w.otherPartner;
		}
		return w.otherClient;
	}

	private static Request build(String endpoint, ProofWorld w, boolean random) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		Map<String, List<String>> params = new LinkedHashMap<>();
		Runnable restore = () -> {
		};
		String client = w.client.id().value().toString();
		String path = switch (pattern) {
			case "/checkins/{id}/edit", "/checkins/{id}/delete" -> pattern.replace("{id}", id(random, w::checkIn));
			case "/checkins/journal/{id}/edit", "/checkins/journal/{id}/delete" ->
				pattern.replace("{id}", id(random, w::journalEntry));
			case "/commitments/{id}/edit", "/commitments/{id}/record", "/commitments/{id}/pause",
					"/commitments/{id}/resume", "/commitments/{id}/end" ->
				pattern.replace("{id}", id(random, w::commitment));
			case "/commitments/shared/{id}/{date}" ->
				pattern.replace("{id}", id(random, w::commitment)).replace("{date}", w.today());
			case "/conversations/plans/{id}", "/conversations/plans/{id}/pause" ->
				pattern.replace("{id}", id(random, w::plan));
			case "/conversations/talks/{id}", "/conversations/shared/{id}" ->
				pattern.replace("{id}", id(random, w::talk));
			case "/conversations/topics/{id}/rename" -> pattern.replace("{id}", id(random, w::topic));
			case "/conversations/topics/{id}/merge" -> {
				params.put("into", List.of(w.topic().toString()));
				yield pattern.replace("{id}", id(random, w::topic));
			}
			case "/conversations/phrases/{key}", "/conversations/phrases/{key}/reset" ->
				pattern.replace("{key}", w.phraseKey());
			case "/repair/statements/{id}", "/repair/statements/{id}/compare" ->
				pattern.replace("{id}", id(random, w::statement));
			case "/repair/statements/{id}/versions/{number}", "/repair/statements/{id}/versions/{number}/share" ->
				pattern.replace("{id}", id(random, w::statement)).replace("{number}", "1");
			case "/repair/shared/{id}", "/repair/shared/{id}/respond" ->
				pattern.replace("{id}", id(random, w::sharedVersion));
			case "/repair/questions/{id}", "/repair/questions/{id}/answer", "/repair/questions/{id}/correct",
					"/repair/questions/{id}/time", "/repair/questions/{id}/more", "/repair/questions/{id}/delete" ->
				pattern.replace("{id}", id(random, w::question));
			case "/couple/requests/{id}/withdraw" -> pattern.replace("{id}", id(random, w::partnerRequest));
			case "/couple/reassurance/items/{id}/remove" -> pattern.replace("{id}", id(random, w::reassuranceItem));
			case "/couple/reassurance/signals/{id}/helped" -> pattern.replace("{id}", id(random, w::quietSignal));
			case "/care/alerts/{id}/acknowledge" -> pattern.replace("{id}", id(random, w::alert));
			case "/care/homework/{id}/done" -> pattern.replace("{id}", id(random, w::homework));
			case "/care/measures/{id}" -> pattern.replace("{id}", id(random, w::measure));
			case "/care/measures/{id}/decline" -> pattern.replace("{id}", id(random, w::partnersCopy));
			case "/care/sessions/{id}/move", "/care/sessions/{id}/cancel", "/care/schedule/{id}/cancel" ->
				pattern.replace("{id}", id(random, w::session));
			case "/care/hours/off/{id}/remove" -> pattern.replace("{id}", id(random, w::timeOff));
			case "/care/clients/{id}/notes/{noteId}" ->
				pattern.replace("{id}", random ? uuid() : client).replace("{noteId}", id(random, w::note));
			case "/insights/signals/{kind}/dismiss" -> pattern.replace("{kind}", "PROMISES_LOW");
			case "/insights/review/{week}/report" -> pattern.replace("{week}", random ? "2020-01-06" : w.reviewWeek());
			case "/articles/{slug}" -> pattern.replace("{slug}", w.publishedSlug());
			case "/articles/tag/{tag}" -> pattern.replace("{tag}", w.tag());
			case "/admin/articles/{id}", "/admin/articles/{id}/publish", "/admin/articles/{id}/unpublish" ->
				pattern.replace("{id}", id(random, w::article));
			case "/admin/staff/{id}/role", "/admin/staff/{id}/deactivate" ->
				pattern.replace("{id}", id(random, w::staff));
			case "/admin/outbox/{name}" -> pattern.replace("{name}", w.outboxMessage());
			case "/path/{key}", "/admin/path/{key}" -> pattern.replace("{key}", "boundaries");
			case "/admin/path/{key}/remove" -> pattern.replace("{key}", random ? "no-such-step" : w.pathStep());
			case "/consultations/{id}", "/consultations/{id}/contacted", "/consultations/{id}/assign",
					"/consultations/{id}/note", "/consultations/{id}/schedule", "/consultations/{id}/close",
					"/consultations/{id}/invitation" ->
				pattern.replace("{id}", id(random, w::consultation));
			default -> {
				if (pattern.startsWith("/care/clients/{id}")) {
					yield pattern.replace("{id}", random ? uuid() : client);
				}
				if (pattern.contains("{")) {
					throw new IllegalStateException("No way to fill " + endpoint + " yet: add it to Requests");
				}
				yield pattern;
			}
		};
		if ("POST".equals(method)) {
			form(pattern, w, params);
		}
		else if (pattern.equals("/commitments/{id}/record")) {
			put(params, "date", w.today());
		}
		Map<String, String> headers = new LinkedHashMap<>();
		if (pattern.equals("/admin/articles/preview")) {
			// The preview is an htmx fragment only.
			headers.put("HX-Request", "true");
		}
		if ("POST /couple/end".equals(endpoint)) {
			restore = w::relinkIfEnded;
		}
		if (pattern.startsWith("/admin/path/new") || pattern.equals("/admin/path/{key}/remove")) {
			restore = w::forgetPathSteps;
		}
		return new Request(method, path, params, headers, restore);
	}

	/** Valid-looking fields for each form. */
	private static void form(String pattern, ProofWorld w, Map<String, List<String>> params) {
		String today = LocalDate.now().toString();
		String soon = LocalDate.now().plusDays(3).toString();
		switch (pattern) {
			case "/signup" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("matrix"), "displayName",
					"Matrix", "password", app.steadfast.TestPeople.PASSWORD, "path", "DOING_THE_WORK");
			case "/setup" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("setup"), "displayName", "Setup",
					"password", app.steadfast.TestPeople.PASSWORD);
			case "/accounts/password" ->
				put(params, "currentPassword", "not-the-password", "newPassword", "another-good-password-1");
			// Every address alike: a real one or not, the answer and the count are the
			// same.
			case "/accounts/forgot" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("forgot"));
			case "/signup/confirm" -> put(params, "token", "no-such-token", "password", "another-good-password-1");
			case "/accounts/reset" -> put(params, "token", "no-such-token", "password", "another-good-password-1");
			case "/accounts/delete" -> put(params, "password", "not-the-password");
			case "/admin/staff" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("staff"), "displayName",
					"New staff", "role", "THERAPIST");
			case "/admin/staff/{id}/role" -> put(params, "role", "ADMIN");
			case "/admin/settings" -> put(params, "name", "", "locale", "en-US");
			case "/admin/care/break-glass" -> put(params, "clientEmail", w.otherClient.email(), "therapistId",
					w.therapist.id().value().toString(), "reason", "He asked for help while his therapist is away.");
			case "/admin/care/handover" ->
				put(params, "clientEmail", w.client.email(), "therapistId", w.therapist.id().value().toString());
			case "/admin/articles/new", "/admin/articles/{id}" ->
				put(params, "slug", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "title", "A title",
						"summary", "A summary", "tags", "proof", "author", "The practice", "body", "Some words.");
			case "/admin/articles/preview" -> put(params, "body", "Some *words*.");
			case "/admin/path/{key}" ->
				put(params, "position", "3", "title", "Your boundaries", "articleSlug", "boundaries-after-trust-breaks",
						"prompt", "Which boundary matters most?", "body", "Some words.", "action", "save");
			case "/admin/path/new" -> put(params, "key", "matrix-" + UUID.randomUUID().toString().substring(0, 8),
					"position", "7", "title", "A new step", "articleSlug", "boundaries-after-trust-breaks", "prompt",
					"Which boundary matters most?", "body", "Some words.", "action", "save");
			case "/path/{key}" -> put(params, "body", "One line of mine");
			case "/care/grants" -> put(params, "category", "CHECKINS", "share", "on");
			case "/care/measures/{id}" -> {
				for (int i = 0; i < 7; i++) {
					put(params, "q" + i, "1");
				}
			}
			case "/care/clients/{id}/notes", "/care/clients/{id}/notes/{noteId}" ->
				put(params, "sessionDate", today, "body", "We talked.", "plan", "");
			case "/care/clients/{id}/homework" ->
				put(params, "kind", "TASK", "task", "Write one line", "dueDate", soon);
			case "/care/clients/{id}/measures", "/care/clients/{id}/measures/stop" -> put(params, "instrument", "GAD7");
			case "/care/messages", "/care/clients/{id}/messages" -> put(params, "body", "A message");
			case "/care/office-hours" -> put(params, "hours", "", "replyDays", "2");
			case "/care/sessions", "/care/sessions/{id}/move" -> put(params, "start", w.sessionTime());
			case "/care/sessions/agenda" -> put(params, "body", "What to say about the weekend");
			case "/care/hours" -> put(params, "day", "SUNDAY", "from", "22:30", "to", "23:30");
			case "/care/hours/remove" -> w.hoursBlock().forEach((k, v) -> put(params, k, v));
			case "/care/hours/off" -> put(params, "first", LocalDate.now().plusDays(100).toString(), "last", "");
			case "/care/hours/room" -> put(params, "videoUrl", "");
			case "/care/clients/{id}/session" -> put(params, "nextSession", soon);
			case "/checkins/new", "/checkins/{id}/edit" -> put(params, "step", "save", "words", "shame", "primary",
					"shame", "intensity", "5", "body", "CHEST", "trigger", "A trigger", "when", "now");
			case "/checkins/quick" -> put(params, "word", "shame", "body", "I felt small");
			case "/checkins/kept" -> put(params, "submission", java.util.UUID.randomUUID().toString(), "words", "shame",
					"intensity", "5", "body", "CHEST", "trigger", "Kept while offline");
			case "/checkins/journal", "/checkins/journal/{id}/edit" -> put(params, "body", "A journal entry");
			case "/commitments/new", "/commitments/{id}/edit" ->
				put(params, "title", "Call when plans change", "recurrence", "DAILY", "startDate", today);
			case "/commitments/{id}/record" -> put(params, "date", w.today(), "outcome", "KEPT", "note", "Done");
			case "/commitments/settings" -> put(params, "reminders", "false", "digest", "false", "zone", "UTC");
			case "/commitments/shared/{id}/{date}" -> put(params, "seen", "CONFIRMED", "note", "I saw it");
			case "/consultation" ->
				put(params, "name", "Sam", "email", app.steadfast.TestPeople.uniqueEmail("c"), "contactBy", "EMAIL",
						"times", "SATURDAY", "topics", "REBUILDING_TRUST", "message", "Hello", "consent", "yes");
			case "/consultation/invitation" -> put(params, "token", "no-such-token", "displayName", "Sam", "password",
					app.steadfast.TestPeople.PASSWORD);
			case "/consultations/{id}/assign" -> put(params, "therapist", w.therapist.id().value().toString());
			case "/consultations/{id}/note" -> put(params, "note", "Called back");
			case "/consultations/{id}/schedule" -> {
				// A hand-scheduled consultation holds its therapist's time: each request
				// gets a time of its own, past the booking horizon.
				java.time.LocalDateTime at = LocalDate.now()
					.plusDays(40)
					.atStartOfDay()
					.plusMinutes(31L * HAND_SCHEDULED.getAndIncrement());
				put(params, "date", at.toLocalDate().toString(), "time", at.toLocalTime().toString(), "therapist",
						w.therapist.id().value().toString());
			}
			case "/consultations/{id}/close" -> put(params, "reason", "NO_REPLY");
			case "/conversations/plans/new" -> put(params, "newTopic", "Money", "about", "The budget", "mayNeed",
					"That I listen", "validation", "I see why it worried you.");
			case "/conversations/talks/new" ->
				put(params, "newTopic", "Money", "talkedOn", LocalDate.now().minusDays(1).toString(), "defensiveness",
						"3", "escalation", "NO", "breakTaken", "NO", "helped", "Slowing down");
			case "/conversations/topics/{id}/rename" -> put(params, "name", "Renamed " + UUID.randomUUID());
			case "/conversations/phrases/new", "/conversations/phrases/{key}" ->
				put(params, "text", "I hear you, and I want to understand.");
			case "/conversations/pause/breathing" -> put(params, "pattern", "BOX");
			case "/conversations/shared/{id}" -> put(params, "escalation", "NO", "feltHeard", "4", "note", "Better");
			case "/couple/requests" -> put(params, "item", "SPACE");
			case "/couple/offer" -> put(params, "offer", "You can ask to see my phone.", "until", soon);
			case "/couple/invite" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("invite"));
			case "/couple/sharing" -> put(params, "category", "CHECKINS", "share", "true");
			case "/couple/reassurance/setting" -> put(params, "on", "true");
			case "/couple/reassurance/items" -> put(params, "words", "Sit with me for ten minutes");
			case "/couple/reassurance/signals/{id}/helped" -> put(params, "answer", "YES");
			case "/couple/intake" ->
				put(params, "brings", "Wanting to be heard", "hopes", "Honesty", "afraid", "NO", "harmed", "NO");
			case "/couple/join" -> put(params, "token", "no-such-token");
			case "/couple/accept" -> put(params, "token", "no-such-token");
			case "/repair/kept" -> put(params, "question", "What else did I not know?");
			case "/couple/invitation" -> put(params, "email", app.steadfast.TestPeople.uniqueEmail("her-invite"));
			case "/crisis/answer" -> put(params, "answer", "NO", "kind", "SUICIDE", "back", "/");
			case "/couple/pulse" -> {
				for (PulseItem item : PulseItem.values()) {
					put(params, item.field(), "4");
				}
				put(params, "note", "A steady week");
			}
			case "/insights/review" -> put(params, "learned", "I listened more.");
			case "/insights/review/day" -> put(params, "day", "SUNDAY");
			case "/insights/review/{week}/report" -> put(params, "include", "true");
			case "/repair/statements/new", "/repair/statements/{id}" -> {
				for (StatementPart part : StatementPart.values()) {
					put(params, part.field(), "I lied about where I was.");
				}
				put(params, "action", "save");
			}
			case "/repair/statements/{id}/versions/{number}/share" -> put(params, "with", "THERAPIST");
			case "/repair/shared/{id}/respond" -> put(params, "words", "Thank you for writing this.");
			case "/repair/questions" -> put(params, "question", "Where were you that night?", "importance", "HIGH");
			case "/repair/questions/{id}/answer", "/repair/questions/{id}/correct" ->
				put(params, "words", "I was at a bar with her.");
			case "/repair/questions/{id}/time" -> put(params, "until", soon);
			case "/repair/questions/{id}/more" -> put(params, "followUp", "Who else was there?");
			default -> {
			}
		}
	}

	private static void put(Map<String, List<String>> params, String... pairs) {
		for (int i = 0; i < pairs.length; i += 2) {
			params.computeIfAbsent(pairs[i], (k) -> new ArrayList<>()).add(pairs[i + 1]);
		}
	}

	interface Maker {

		Object make() throws Exception;

	}

	private static String id(boolean random, Maker maker) throws Exception {
		return random ? uuid() : String.valueOf(maker.make());
	}

	private static String uuid() {
		return UUID.randomUUID().toString();
	}

}
