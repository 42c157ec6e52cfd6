package app.steadfast.couple;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns intake answers into one text to seal, and back. Free text is Base64-encoded so no
 * answer can break the format.
 */
final class IntakeCodec {

	private IntakeCodec() {
	}

	static String encode(IntakeAnswers answers) {
		return String.join("|", b64(answers.brings()), b64(answers.hopes()), answers.afraid().name(),
				answers.harmed().name());
	}

	static IntakeAnswers decode(String text) {
		String[] parts = text.split("\\|", -1);
		return new IntakeAnswers(unb64(parts[0]), unb64(parts[1]), SafetyAnswer.valueOf(parts[2]),
				SafetyAnswer.valueOf(parts[3]));
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(((value != null) ? value : "").getBytes(StandardCharsets.UTF_8));
	}

	private static String unb64(String value) {
		return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
	}

}
