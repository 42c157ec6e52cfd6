package app.steadfast.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: 8 to 128 characters, no composition rules, and not
 * one of the passwords people use most (the list ships with the app,
 * content/common-passwords.txt).
 */
@Component
class PasswordPolicy {

	static final int MIN = 8;

	static final int MAX = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/**
	 * The reason the password is not acceptable, in words for the person, if it is not.
	 */
	Optional<String> problem(String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Choose a password.");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN) {
			return Optional.of("Use at least " + MIN + " characters. A few words strung together works well.");
		}
		if (length > MAX) {
			return Optional.of("Use at most " + MAX + " characters.");
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("That password is one of the most common ones, so it is easy to guess. Pick another.");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		ClassPathResource list = new ClassPathResource("content/common-passwords.txt");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.startsWith("#!comment:") && !line.isBlank()) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
