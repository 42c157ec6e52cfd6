package app.steadfast.consultations;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * The public request form. Every text arrives trimmed and without control characters (a
 * message keeps its line breaks), so what is checked is what would be stored, and what is
 * shown again is what he typed.
 *
 * @param name what to call him
 * @param email his email address, optional when he gives a phone number
 * @param phone his phone number, optional when he gives an email address
 * @param contactBy the code of the way he prefers to be reached
 * @param times codes of the times that suit him
 * @param topics codes of what he would like help with
 * @param message an optional short message
 * @param consent whether he agreed to be contacted ("yes" when ticked)
 * @param website the trap for robots: hidden from people, so it is empty for them
 * @param slot the open time he chose ({@link Slot#code()}), or empty for "none of these
 * work": the practice then gets in touch to find one
 */
record ConsultationForm(
		@NotBlank(message = "{consultation.name.required}") @Size(max = 80,
				message = "{consultation.name.size}") String name,
		@Size(max = 254, message = "{email.size}") @jakarta.validation.constraints.Pattern(regexp = EMAIL,
				flags = Flag.CASE_INSENSITIVE, message = "{consultation.email.invalid}") String email,
		@Size(max = 40, message = "{consultation.phone.size}") @jakarta.validation.constraints.Pattern(regexp = PHONE,
				message = "{consultation.phone.invalid}") String phone,
		String contactBy, List<String> times, List<String> topics,
		@Size(max = MESSAGE_LIMIT, message = "{consultation.message.size}") String message, String consent,
		String website, String slot) {

	static final int MESSAGE_LIMIT = 1000;

	static final String EMAIL = "(^$)|(^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$)";

	static final String PHONE = "(^$)|(^\\+?[0-9 ()./-]{6,40}$)";

	private static final Pattern DIGITS = Pattern.compile("[0-9]");

	ConsultationForm {
		name = line(name);
		email = line(email);
		phone = line(phone);
		contactBy = line(contactBy);
		times = (times != null) ? times.stream().map(ConsultationForm::line).toList() : List.of();
		topics = (topics != null) ? topics.stream().map(ConsultationForm::line).toList() : List.of();
		message = text(message);
		consent = line(consent);
		website = line(website);
		slot = line(slot);
	}

	static ConsultationForm empty() {
		return new ConsultationForm("", "", "", "", List.of(), List.of(), "", "", "", "");
	}

	/** Whether a robot filled in the field people never see. */
	boolean isTrap() {
		return StringUtils.hasText(this.website);
	}

	/**
	 * The rules that span fields: a way to reach him that fits how he wants to be
	 * reached, a choice of times and topics, and his consent.
	 */
	void check(Errors errors) {
		boolean hasEmail = StringUtils.hasText(this.email);
		boolean hasPhone = StringUtils.hasText(this.phone);
		if (!hasEmail && !hasPhone) {
			errors.rejectValue("email", "contact", "Give us an email address or a phone number, so we can reach you.");
		}
		if (hasPhone && !errors.hasFieldErrors("phone") && DIGITS.matcher(this.phone).results().count() < 6) {
			errors.rejectValue("phone", "phone", "That phone number looks too short. Include the area code.");
		}
		Optional<ContactMethod> method = parse(ContactMethod.class, this.contactBy);
		if (method.isEmpty()) {
			errors.rejectValue("contactBy", "contactBy", "Choose how you would like us to reach you.");
		}
		else if (method.get() == ContactMethod.EMAIL && !hasEmail && hasPhone) {
			errors.rejectValue("email", "contact", "You chose email: give us your email address, or choose a call.");
		}
		else if (method.get().needsPhone() && !hasPhone && hasEmail) {
			errors.rejectValue("phone", "contact", "You chose a call or a text: give us your number, or choose email.");
		}
		if (StringUtils.hasText(this.slot) && chosen().isEmpty()) {
			errors.rejectValue("slot", "slot", "Choose one of the times offered, or “None of these work”.");
		}
		if (chosen().isEmpty() && codes(PreferredTime.class, this.times).isEmpty()) {
			errors.rejectValue("times", "times", "Choose at least one time that suits you.");
		}
		if (codes(Topic.class, this.topics).isEmpty()) {
			errors.rejectValue("topics", "topics", "Choose at least one. “I’m not sure yet” is a fine answer.");
		}
		if (!"yes".equals(this.consent)) {
			errors.rejectValue("consent", "consent", "Tick the box so we may contact you about your request.");
		}
	}

	/**
	 * The therapist and time he chose, if he chose one of the open times.
	 *
	 * @param therapist whose time
	 * @param start when it begins
	 */
	record Chosen(app.steadfast.shared.AccountId therapist, java.time.Instant start) {
	}

	/** The open time he chose, when the field names one at all. */
	Optional<Chosen> chosen() {
		int at = this.slot.indexOf('@');
		if (at < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Chosen(
					new app.steadfast.shared.AccountId(java.util.UUID.fromString(this.slot.substring(0, at))),
					java.time.Instant.parse(this.slot.substring(at + 1))));
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** The request, once {@link #check} and the annotations found nothing wrong. */
	ConsultationRequest request() {
		return new ConsultationRequest(this.name, blankToNull(this.email), blankToNull(this.phone),
				parse(ContactMethod.class, this.contactBy).orElseThrow(), codes(PreferredTime.class, this.times),
				codes(Topic.class, this.topics), blankToNull(this.message));
	}

	private static <E extends Enum<E>> Set<E> codes(Class<E> type, List<String> values) {
		Set<E> found = EnumSet.noneOf(type);
		for (String value : values) {
			parse(type, value).ifPresent(found::add);
		}
		return found;
	}

	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value : null;
	}

	/** One line of text: trimmed, without control characters. */
	static String line(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(value.length());
		value.codePoints().filter((c) -> !isControl(c)).forEach(clean::appendCodePoint);
		return clean.toString().strip();
	}

	/** Free text: line breaks kept (as \n), other control characters removed. */
	static String text(String value) {
		if (value == null) {
			return "";
		}
		String unified = value.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder clean = new StringBuilder(unified.length());
		unified.codePoints().filter((c) -> c == '\n' || c == '\t' || !isControl(c)).forEach(clean::appendCodePoint);
		return clean.toString().strip();
	}

	private static boolean isControl(int codePoint) {
		// Unpaired surrogates cannot be stored as UTF-8, and bidirectional overrides
		// (U+202A to U+202E, U+2066 to U+2069) can disguise text on staff screens.
		// Joiners
		// stay: some scripts and emoji need them.
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE
				|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

}
