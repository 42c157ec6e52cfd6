package app.steadfast.consultations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Filled-in consultation forms for tests, each sent from an address of its own
 * (documentation ranges), so the per-address limit only bites where a test wants it to.
 */
final class RequestSamples {

	private static final AtomicInteger addresses = new AtomicInteger();

	private final Map<String, List<String>> fields = new LinkedHashMap<>();

	private RequestSamples() {
	}

	/** A complete, valid request from a man called Daniel who prefers email. */
	static RequestSamples valid() {
		return new RequestSamples().with("name", "Daniel")
			.with("email", "daniel-" + UUID.randomUUID() + "@example.org")
			.with("phone", "+1 (555) 010-2030")
			.with("contactBy", "EMAIL")
			.with("times", "WEEKDAY_EVENING", "SATURDAY")
			.with("topics", "REBUILDING_TRUST")
			.with("message", "I want to do this properly.")
			.with("consent", "yes");
	}

	/** A fresh network address that no other test uses. */
	static String freshAddress() {
		int n = addresses.incrementAndGet();
		return "198.18." + (n / 250) + "." + (1 + n % 250);
	}

	RequestSamples with(String field, String... values) {
		this.fields.put(field, List.of(values));
		return this;
	}

	RequestSamples without(String field) {
		this.fields.remove(field);
		return this;
	}

	String value(String field) {
		return this.fields.get(field).get(0);
	}

	MvcTestResult send(MockMvcTester mvc) {
		return send(mvc, freshAddress());
	}

	MvcTestResult send(MockMvcTester mvc, String address) {
		var request = mvc.post().uri("/consultation").with(csrf()).with((r) -> {
			r.setRemoteAddr(address);
			return r;
		});
		this.fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		return request.exchange();
	}

	/** Stores a request straight through the module's API, as the form would. */
	static ConsultationId store(ConsultationManagement consultations, String name, String email, String phone,
			String contactBy, String message) {
		ConsultationForm form = new ConsultationForm(name, email, phone, contactBy, List.of("WEEKDAY_MORNING"),
				List.of("COMMUNICATION"), message, "yes", "", "");
		return consultations.receive(form, freshAddress()).orElseThrow();
	}

}
