package app.steadfast.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the language checks read text before judging it: where sentences end (and that each
 * span points back at exactly the words written), the one standard form every sentence is
 * put in, and how words are counted.
 */
class SentencesTests {

	private static List<String> sentences(String text) {
		return Sentences.split(text).stream().map((span) -> span.of(text)).toList();
	}

	@Test
	void aTextIsCutAtFullStopsQuestionMarksAndExclamationMarks() {
		assertThat(sentences("I lied to her. She knows now! What do I do?")).containsExactly("I lied to her.",
				"She knows now!", "What do I do?");
	}

	@Test
	void closingQuotesAndBracketsStayWithTheirSentence() {
		assertThat(sentences("She said \"stop.\" I stopped.")).containsExactly("She said \"stop.\"", "I stopped.");
		assertThat(sentences("(I left.) She cried.")).containsExactly("(I left.)", "She cried.");
		assertThat(sentences("She said \u201Cenough.\u201D Then she left?! I sat there."))
			.containsExactly("She said \u201Cenough.\u201D", "Then she left?!", "I sat there.");
	}

	@Test
	void anEllipsisEndsASentenceOnlyWhenASpaceOrTheEndFollows() {
		assertThat(sentences("I don't know... maybe. Maybe not\u2026 then what?")).containsExactly("I don't know...",
				"maybe.", "Maybe not\u2026", "then what?");
		assertThat(sentences("Wait...what happened")).containsExactly("Wait...what happened");
		assertThat(sentences("I tried\u2026")).containsExactly("I tried\u2026");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n\n" })
	void aLineBreakEndsASentenceAndBlankLinesMakeNone(String lineBreak) {
		String text = "I kept my word" + lineBreak + "She noticed" + lineBreak;
		assertThat(sentences(text)).containsExactly("I kept my word", "She noticed");
	}

	@Test
	void aRunOnWithoutPunctuationIsCutIntoWindowsOfThirtyWords() {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= 100; i++) {
			text.append("word").append(i).append(' ');
		}
		List<Sentences.Span> spans = Sentences.split(text.toString());

		assertThat(spans).extracting((span) -> Sentences.words(span.of(text.toString())))
			.containsExactly(30, 30, 30, 10);
		assertThat(spans.get(0).of(text.toString())).startsWith("word1 ").endsWith(" word30");
		assertThat(spans.get(3).of(text.toString()))
			.isEqualTo("word91 word92 word93 word94 word95 word96 word97 " + "word98 word99 word100");
	}

	@Test
	void aLongSentenceIsCutFirstAtItsCommas() {
		String clause = "I told her I would be home by six and I was not";
		String text = String.join(", ", clause, clause, clause, clause) + ".";

		assertThat(Sentences.words(text)).isGreaterThan(40);
		assertThat(sentences(text)).containsExactly(clause + ",", clause + ",", clause + ",", clause + ".");
	}

	@Test
	void aSentenceOfFortyWordsIsNotCut() {
		String text = "one two three four five six seven eight nine ten, ".repeat(4).strip();
		assertThat(Sentences.words(text)).isEqualTo(40);
		assertThat(sentences(text)).containsExactly(text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I saw Dr. Smith today. He was kind.                     | I saw Dr. Smith today.
			Mr. and Mrs. Jones came over. It was awkward.           | Mr. and Mrs. Jones came over.
			Small things, e.g. the dishes, matter. She said so.     | Small things, e.g. the dishes, matter.
			One thing, i.e. honesty, matters. I see that now.       | One thing, i.e. honesty, matters.
			We met J. Smith at the bar. I drank.                    | We met J. Smith at the bar.
			We live at No. 5 on the hill. I moved out.              | We live at No. 5 on the hill.
			It cost 3.5 times what I said. I lied.                  | It cost 3.5 times what I said.
			""")
	void anAbbreviationADecimalOrAnInitialDoesNotEndASentence(String text, String first) {
		assertThat(sentences(text)).hasSize(2).first().isEqualTo(first);
	}

	@Test
	void noAtTheEndOfASentenceEndsIt() {
		// "No." abbreviates a number only before one; it was once taken for an
		// abbreviation everywhere, which joined "I said no." to whatever came next.
		assertThat(sentences("She asked if I was okay. I said no. Then I left."))
			.containsExactly("She asked if I was okay.", "I said no.", "Then I left.");
		assertThat(sentences("Did I hit her? No. I pushed her.")).containsExactly("Did I hit her?", "No.",
				"I pushed her.");
		assertThat(sentences("I said no.")).containsExactly("I said no.");
	}

	@Test
	void spansAreTrimmedAndHoldALetterOrDigit() {
		assertThat(sentences("  - bullet one\n* bullet two  \n\n   ...   \n!!! ---")).containsExactly("bullet one",
				"bullet two");
		assertThat(sentences("\"Quoted,\" he said.")).containsExactly("\"Quoted,\" he said.");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\n\t\r", "...", "?!?!", "\u2026 \u2026", "\u00a0\u2003", "--- ***" })
	void nothingToReadHasNoSentences(String text) {
		assertThat(Sentences.split(text)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("texts")
	void everySpanMapsBackIntoTheTextExactlyAndInOrder(String text) {
		List<Sentences.Span> spans = Sentences.split(text);
		int previousEnd = 0;
		for (Sentences.Span span : spans) {
			assertThat(span.start()).as("%s in %s", span, text).isGreaterThanOrEqualTo(previousEnd);
			assertThat(span.end()).as("%s in %s", span, text).isGreaterThan(span.start());
			assertThat(span.end()).as("%s in %s", span, text).isLessThanOrEqualTo(text.length());
			String words = span.of(text);
			assertThat(words).as("%s in %s", span, text).isEqualTo(words.strip());
			assertThat(words.codePoints().anyMatch(Character::isLetterOrDigit)).isTrue();
			previousEnd = span.end();
		}
		// No letter or digit is lost between sentences.
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetterOrDigit(text.charAt(i))) {
				int at = i;
				assertThat(spans).as("char %d of %s", i, text)
					.anyMatch((span) -> span.start() <= at && at < span.end());
			}
		}
	}

	static Stream<String> texts() {
		return Stream.of("I lied. She knows.", "  leading space. trailing space.  ",
				"Dr. Smith asked e.g. this... and that\u2026 Then?\r\nYes!\n\nNo.",
				"(I left.) \"She cried.\" \u201CI'm sorry.\u201D", "one, two; three: four\u2014five ".repeat(20),
				"word ".repeat(250),
				"\u00e9t\u00e9 d\u00e9j\u00e0. \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. "
						+ "\u0645\u0631\u062d\u0628\u0627. \u65e5\u672c\u8a9e\u3002 emoji \ud83d\ude00 here.",
				"x".repeat(5000) + ". y");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I'm              | i am
			Im tired         | i am tired
			dont             | do not
			I dont know      | i do not know
			don't            | do not
			wont             | will not
			won't            | will not
			cant             | can not
			can't            | can not
			cannot           | can not
			Ive tried        | i have tried
			I've tried       | i have tried
			I'll go          | i will go
			I'd go           | i would go
			I'd been drinking | i had been drinking
			I'd had enough   | i had had enough
			she'd had enough | she had had enough
			they'd go        | they would go
			it's over        | it is over
			they're gone     | they are gone
			we've tried      | we have tried
			shouldn't        | should not
			ain't            | am not
			wanna            | want to
			gonna            | going to
			gotta            | got to
			imma             | i am going to
			my self          | myself
			any more         | anymore
			""")
	void contractionsAreSpelledOutWithOrWithoutTheirApostrophe(String written, String spelled) {
		assertThat(Sentences.normalise(written)).isEqualTo(spelled);
	}

	@ParameterizedTest
	@ValueSource(strings = { "its", "ill", "well", "shed", "were", "hes", "id", "his mom's car" })
	void wordsThatOnlyLookLikeContractionsWithoutTheApostropheAreLeftAlone(String written) {
		assertThat(Sentences.normalise(written)).isEqualTo(written);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			u                          | you
			ur late                    | your late
			tbh idk                    | to be honest i do not know
			I cant rn                  | i can not right now
			ppl would be better off    | people would be better off
			w/o her                    | without her
			2nite                      | tonight
			dunno                      | do not know
			""")
	void textSpeakIsSpelledOut(String written, String spelled) {
		assertThat(Sentences.normalise(written)).isEqualTo(spelled);
	}

	@ParameterizedTest
	@ValueSource(strings = { "menu", "hour", "your", "bought", "turn", "prune" })
	void textSpeakIsOnlyReplacedAsAWholeWord(String word) {
		assertThat(Sentences.normalise(word)).isEqualTo(word);
	}

	@Test
	void everyWordInTheShippedSpellingsIsSpelledOut() throws IOException {
		List<String[]> entries = new ArrayList<>();
		for (String line : shippedSpellings()) {
			int equals = line.indexOf('=');
			if (equals > 0 && !line.startsWith("#")) {
				entries.add(new String[] { line.substring(0, equals).strip(), line.substring(equals + 1).strip() });
			}
		}
		assertThat(entries).hasSizeGreaterThan(40);
		for (String[] entry : entries) {
			assertThat(Sentences.normalise(entry[0])).as(entry[0])
				.isEqualTo(Sentences.normalise(entry[1]))
				.isNotEqualTo(entry[0]);
		}
	}

	@Test
	void aTypoOfAKeyWordIsReadAsTheWord() throws IOException {
		List<String> keys = shippedSpellings().stream()
			.filter((line) -> line.startsWith("~"))
			.map((line) -> line.substring(1).strip())
			.toList();
		assertThat(keys).contains("suicide", "myself", "overdose");
		for (String key : keys) {
			// One letter missing, and the first two swapped.
			String missing = key.charAt(0) + key.substring(2);
			String swapped = "" + key.charAt(1) + key.charAt(0) + key.substring(2);
			assertThat(Sentences.normalise(missing)).as(missing).isEqualTo(key);
			assertThat(Sentences.normalise(swapped)).as(swapped).isEqualTo(key);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			i want to kil myslef         | i want to kil myself
			thinking about sucide        | thinking about suicide
			feeling suicdial             | feeling suicidal
			i overdosd                   | i overdosed
			becuase of you               | because of you
			i take full responsiblity    | i take full responsibility
			""")
	void typosOfKeyWordsAreCorrected(String written, String corrected) {
		assertThat(Sentences.normalise(written)).isEqualTo(corrected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tablet", "goodbyes", "kil", "suicides" })
	void theLastLetterAndShortWordsAreNotTakenForTypos(String word) {
		// The last letter is where a plural or a tense lives; "kil" is too short to
		// guess.
		assertThat(Sentences.normalise(word)).isEqualTo(word);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I\u2019m             | i am
			don\u2019t           | do not
			won\u2018t           | will not
			don\u00B4t           | do not
			don\u02BCt           | do not
			I\u2032ve            | i have
			don`t                | do not
			\u201CI\u2019m fine\u201D | "i am fine"
			\u201Eyes\u201C      | "yes"
			\u00ABno\u00BB       | "no"
			""")
	void curlyAndOtherApostrophesAndQuotesAreMadeStraight(String written, String straight) {
		assertThat(Sentences.normalise(written)).isEqualTo(straight);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I'M GOING HOME             | i am going home
			DON'T                      | do not
			\uFF29 \uFF37\uFF21\uFF2E\uFF34 | i want
			k\u200Bill                 | kill
			\uFEFFhello\u00AD          | hello
			""")
	void caseWidthAndInvisibleCharactersDoNotChangeTheWords(String written, String standard) {
		assertThat(Sentences.normalise(written)).isEqualTo(standard);
	}

	@Test
	void anyRunOfSpacesLineBreaksAndControlCharactersIsOneSpace() {
		assertThat(Sentences.normalise("  a\u00a0\u00a0b\tc\r\n\u2003d\u0000e\u0007f  ")).isEqualTo("a b c d e f");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\n\t", "\u00a0" })
	void nothingNormalisesToEmpty(String text) {
		assertThat(Sentences.normalise(text)).isEmpty();
	}

	@Test
	void normalisingTwiceChangesNothingMore() {
		for (String text : texts().toList()) {
			String once = Sentences.normalise(text);
			assertThat(Sentences.normalise(once)).as(text).isEqualTo(once);
		}
	}

	@ParameterizedTest
	@MethodSource("wordCounts")
	void wordsAreRunsOfLettersAndDigitsWithTheirApostrophesAndMarks(String text, int words) {
		assertThat(Sentences.words(text)).as(text).isEqualTo(words);
	}

	static Stream<Arguments> wordCounts() {
		return Stream.of(Arguments.of("", 0), Arguments.of("... !!! ---", 0), Arguments.of("I don't know", 3),
				Arguments.of("w/ u-turn", 3), Arguments.of("3.5 points", 3), Arguments.of("caf\u00e9 na\u00efve", 2),
				// The same words with their accents typed apart from the letters.
				Arguments.of("cafe\u0301 nai\u0308ve", 2), Arguments.of("\u0928\u092e\u0938\u094d\u0924\u0947", 1),
				Arguments.of("\u65e5\u672c\u8a9e \u0645\u0631\u062d\u0628\u0627", 2),
				Arguments.of("\ud83d\ude00 \ud83d\ude00", 0), Arguments.of("one\ttwo\nthree\u00a0four", 4));
	}

	@Test
	void aSpellingsListThatCannotBeReadIsRefusedWithItsLine() {
		assertThatIllegalStateException().isThrownBy(() -> Sentences.Spellings.parse("# list\n~ kill", "t"))
			.withMessageStartingWith("t:2");
		assertThatIllegalStateException().isThrownBy(() -> Sentences.Spellings.parse("u you", "t"))
			.withMessageStartingWith("t:1");
	}

	@Test
	void aTypoTwoKeyWordsShareIsReadAsNeither() {
		Sentences.Spellings spellings = Sentences.Spellings.parse("~ apologise\n~ apologize", "t");
		// "apologie" is one letter from both.
		assertThat(spellings.apply("apologie")).isEqualTo("apologie");
		assertThat(spellings.apply("apologse")).isEqualTo("apologise");
	}

	private static List<String> shippedSpellings() throws IOException {
		return new ClassPathResource(Sentences.SPELLINGS).getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.map(String::strip)
			.toList();
	}

}
