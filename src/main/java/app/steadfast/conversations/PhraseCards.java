package app.steadfast.conversations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The practice's phrase cards for validating and reflective listening, read once from
 * {@code content/phrase-cards.txt}.
 */
@Component
class PhraseCards {

	static final String SHIPPED = "content/phrase-cards.txt";

	static final int MAX_TEXT = 300;

	private final List<PhraseCard> cards;

	PhraseCards() {
		this.cards = read(SHIPPED);
	}

	List<PhraseCard> all() {
		return this.cards;
	}

	Optional<PhraseCard> find(String key) {
		return this.cards.stream().filter((c) -> c.key().equals(key)).findFirst();
	}

	static List<PhraseCard> read(String resource) {
		List<PhraseCard> cards = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\\|", 3);
				if (parts.length != 3) {
					throw new IllegalStateException(resource + " line " + number + " needs key | kind | text");
				}
				String key = parts[0].strip();
				PhraseCard.Kind kind = PhraseCard.Kind.valueOf(parts[1].strip());
				String text = parts[2].strip();
				if (!key.matches("[a-z][a-z0-9-]{1,39}") || kind == PhraseCard.Kind.OWN || text.isEmpty()
						|| text.length() > MAX_TEXT || !keys.add(key)) {
					throw new IllegalStateException(resource + " line " + number + " is not a usable card");
				}
				cards.add(new PhraseCard(key, kind, text, text));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(cards);
	}

}
