package app.steadfast.checkins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The emotion vocabulary shipped with the app (content/emotion-vocabulary.tsv): about a
 * hundred words in families, each with a one-line definition. The order of the file is
 * the order shown: the vulnerable families men under-report (shame, guilt, fear, hurt...)
 * come first.
 */
@Component
public class EmotionVocabulary {

	private final List<EmotionFamily> families;

	private final Map<String, Emotion> byWord;

	EmotionVocabulary() {
		this(load("content/emotion-vocabulary.tsv"));
	}

	EmotionVocabulary(List<Emotion> emotions) {
		Map<String, List<Emotion>> grouped = new LinkedHashMap<>();
		Map<String, Emotion> words = new LinkedHashMap<>();
		for (Emotion emotion : emotions) {
			grouped.computeIfAbsent(emotion.family(), (family) -> new ArrayList<>()).add(emotion);
			words.put(emotion.word(), emotion);
		}
		this.families = grouped.entrySet()
			.stream()
			.map((entry) -> new EmotionFamily(entry.getKey(), entry.getValue().get(0).pleasant(), entry.getValue()))
			.toList();
		this.byWord = Map.copyOf(words);
	}

	/** The families in the order they are offered. */
	public List<EmotionFamily> families() {
		return this.families;
	}

	/** A word of the vocabulary, if it is one. */
	public Optional<Emotion> word(String word) {
		return Optional.ofNullable((word != null) ? this.byWord.get(word) : null);
	}

	/** The family of a vocabulary word; a word it does not know names itself. */
	String family(String word) {
		return word(word).map(Emotion::family).orElse(word);
	}

	/** How many words the vocabulary has. */
	public int size() {
		return this.byWord.size();
	}

	/** The family's position in the vocabulary, for ordering summaries. */
	int familyOrder(String family) {
		for (int i = 0; i < this.families.size(); i++) {
			if (this.families.get(i).name().equals(family)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	static List<Emotion> load(String resource) {
		List<Emotion> emotions = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.startsWith("family\tword\tdefinition")) {
				throw new IllegalStateException(resource + " must start with the header family, word, definition");
			}
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\t");
				emotions.add(new Emotion(cells[1].strip(), cells[0].strip(), cells[2].strip(),
						cells.length > 3 && Boolean.parseBoolean(cells[3].strip()),
						cells.length > 4 && "higher".equals(cells[4].strip())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return emotions;
	}

}
