package app.steadfast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice-authored check-in vocabulary (content/emotion-vocabulary.tsv) and body
 * locations (content/body-locations.tsv): the shape the check-ins module relies on, and
 * the vulnerable families first, because men under-report them.
 */
class EmotionVocabularyFileTests {

	private static final List<String> FAMILIES = List.of("shame", "guilt", "fear", "hurt", "sadness", "loneliness",
			"anger", "frustration", "numbness", "hope", "relief", "calm", "gratitude", "pride", "closeness");

	private static final Set<String> PLEASANT = Set.of("hope", "relief", "calm", "gratitude", "pride", "closeness");

	/** The families that run high in energy; the check-in colours by both scales. */
	private static final Set<String> HIGHER = Set.of("fear", "anger", "frustration", "hope", "pride");

	record Row(String family, String word, String definition, boolean pleasant, String energy) {
	}

	@Test
	void aboutOneHundredUniqueWordsInFamiliesWithTheVulnerableOnesFirst() throws IOException {
		List<String> lines = lines("content/emotion-vocabulary.tsv");
		assertThat(lines.get(0)).isEqualTo("family\tword\tdefinition\tpleasant\tenergy");
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split("\t", -1);
			assertThat(cells).as(line).hasSize(5);
			assertThat(cells[3]).as(line).isIn("true", "false");
			assertThat(cells[4]).as(line).isIn("higher", "lower");
			rows.add(new Row(cells[0], cells[1], cells[2], Boolean.parseBoolean(cells[3]), cells[4]));
		}
		assertThat(rows).hasSizeBetween(95, 110);
		Set<String> words = new HashSet<>();
		Map<String, List<String>> families = new LinkedHashMap<>();
		for (Row row : rows) {
			assertThat(words.add(row.word())).as("unique word " + row.word()).isTrue();
			assertThat(row.definition()).as(row.word()).isNotBlank().hasSizeLessThanOrEqualTo(90);
			assertThat(row.pleasant()).as(row.word() + " pleasant").isEqualTo(PLEASANT.contains(row.family()));
			assertThat(row.energy()).as(row.word() + " energy")
				.isEqualTo(HIGHER.contains(row.family()) ? "higher" : "lower");
			families.computeIfAbsent(row.family(), (f) -> new ArrayList<>()).add(row.word());
		}
		// A family's words sit together, so the order of first appearance is the
		// order the check-in shows.
		assertThat(rows.stream().map(Row::family).distinct()).containsExactlyElementsOf(FAMILIES);
		families.forEach((family, members) -> {
			assertThat(members).as(family).hasSizeBetween(5, 8).contains(family);
		});
		List<String> inFileOrder = rows.stream().map(Row::family).toList();
		for (int i = 1; i < inFileOrder.size(); i++) {
			if (!inFileOrder.get(i).equals(inFileOrder.get(i - 1))) {
				assertThat(inFileOrder.subList(0, i)).as("family %s appears in one block", inFileOrder.get(i))
					.doesNotContain(inFileOrder.get(i));
			}
		}
	}

	@Test
	void bodyLocationsEndWithNoneICanTell() throws IOException {
		List<String> lines = lines("content/body-locations.tsv");
		assertThat(lines).containsExactly("id\tlabel", "chest\tChest", "throat\tThroat", "stomach\tStomach", "jaw\tJaw",
				"shoulders\tShoulders", "head\tHead", "hands\tHands", "none\tNone I can tell");
	}

	private static List<String> lines(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> !line.isBlank())
			.toList();
	}

}
