package app.steadfast.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.steadfast.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The risk-language detector against the shipped rules: hits, near misses and denials, in
 * the words men actually write, and text no one should be able to break it with.
 */
class RiskLanguageTests {

	private static final RiskLanguage language = new RiskLanguage((event) -> {
	});

	// Each row: what someone wrote | what it is about (kinds joined by +). Every hit rule
	// in the list is exercised here; see everyRuleIsExercised.
	private static final String HITS = """
			I want to die                                                | SUICIDE
			The doctor asked if I was suicidal and I said yes            | SUICIDE
			I feel like dying                                            | SUICIDE
			I wish I was dead                                            | SUICIDE
			I've been thinking about suicide                             | SUICIDE
			I feel suicidal most nights                                  | SUICIDE
			I've made up my mind, I'm going to end my life               | SUICIDE
			I'm going to end my life                                     | SUICIDE
			I want to kill myself                                        | SUICIDE
			honestly i just want to kms                                  | SUICIDE
			I’m going to kill myself                                     | SUICIDE
			I'M GOING TO KILL MYSELF                                     | SUICIDE
			I don't want to be alive anymore                             | SUICIDE
			i dont want to live any more                                 | SUICIDE
			I don't want to wake up tomorrow                             | SUICIDE
			I hope I don't wake up                                       | SUICIDE
			I wish I could   go to sleep and   never wake up             | SUICIDE
			Everyone would be better off without me                      | SUICIDE
			They'd be better off if I was dead                           | SUICIDE
			There's no reason to live                                    | SUICIDE
			I have nothing left to live for                              | SUICIDE
			What's the point of living                                   | SUICIDE
			I can't go on like this                                      | SUICIDE
			I cant take it anymore                                       | SUICIDE
			I wrote a goodbye letter to my kids                          | SUICIDE
			I've been giving away my things                              | SUICIDE
			I've been saving up my pills                                 | SUICIDE
			I thought about taking all my pills at once                  | SUICIDE
			I want to end it all                                         | SUICIDE
			I'm just a burden to everyone                                | SUICIDE
			I'd rather be dead                                           | SUICIDE
			I thought about jumping off the bridge on the way home       | SUICIDE
			I wish a truck would hit me                                  | SUICIDE
			I think about dying every day                                | SUICIDE
			I won't be around much longer                                | SUICIDE
			I keep thinking of getting a gun to end it                   | SUICIDE
			I cut myself again last night                                | SELF_HARM
			I've been hurting myself                                     | SELF_HARM
			I burned myself on purpose                                   | SELF_HARM
			I self-harm when it gets bad                                 | SELF_HARM
			I fought the urge to cut tonight                             | SELF_HARM
			I hide the cuts on my arms from her                          | SELF_HARM
			I deserve to bleed                                           | SELF_HARM
			I want to hurt myself                                        | SELF_HARM
			I want to kill him                                           | HARM_TO_OTHERS
			I'll kill her                                                | HARM_TO_OTHERS
			I felt like I could kill someone                             | HARM_TO_OTHERS
			I'm scared I'll hurt the kids                                | HARM_TO_OTHERS
			I'm going to make him pay for what he did                    | HARM_TO_OTHERS
			I almost hit her last night                                  | HARM_TO_OTHERS
			I shoved my wife                                             | HARM_TO_OTHERS
			I wanted to strangle him                                     | HARM_TO_OTHERS
			I'm going to get a gun and shoot him                         | HARM_TO_OTHERS
			I'm going to beat the shit out of him                        | HARM_TO_OTHERS
			I want to kill her and then kill myself                      | SUICIDE+HARM_TO_OTHERS
			I'm not going to kill myself, but I want to die              | SUICIDE
			I would never hurt her, but sometimes I want to hurt myself  | SELF_HARM
			I'm not going to kill myself yet                             | SUICIDE
			I won't kill myself if she stays                             | SUICIDE
			I'm not sure I won't hurt myself                             | SELF_HARM
			I can't promise I won't hurt myself                          | SELF_HARM
			I'm not actively suicidal                                    | SUICIDE
			""";

	// Everyday speech that sounds like harm and is not. Each would be a false alarm.
	private static final String NEAR_MISSES = """
			This job is killing me
			I'm dying to see the game
			Just killing time before the meeting
			I could kill for a coffee
			I'm dead tired
			My phone died
			The battery is dead
			I hurt my back lifting boxes
			She hurt my feelings
			We killed it at trivia
			That joke killed
			She looked drop-dead gorgeous
			I know I hurt her when I lied
			Telling her the truth is going to hurt her
			It's going to kill her when she finds out
			I'm scared I'll hurt her again
			I beat myself up about it every day
			I choked up when I told her
			I need to cut off contact with her completely
			I've been killing myself at work to pay for the house
			I nearly died laughing
			I killed myself laughing at that show
			I cut myself shaving
			I'm taking pills for my blood pressure
			I took all my pills today
			We beat them in the final
			I hit the gym before work
			I'll shoot her a text after lunch
			I hit him up for lunch
			I beat him at pool
			He beat me to it
			I'd die for my kids
			I'd rather die than sing karaoke
			I want to cut back on drinking
			I don't want to live with her parents
			I don't want to wake up early on Saturday
			I can't go on the trip this year
			The waiting is killing her
			I burned myself out at work
			I cut myself off from my friends
			I'm going to get a knife to cut the steak
			I'd kill to get that promotion
			I want to take my life back
			Over my dead body
			I'll make them pay for dinner
			We watched Suicide Squad
			We did suicide sprints at training
			A soldier's suicide was on the news
			I could sleep forever after that hike
			""";

	// Each row: an explicit denial, which is not a hit | the same thought without the
	// denial, which is | its kind. Every negation rule is exercised here.
	private static final String DENIALS = """
			I'm not going to kill myself        | I'm going to kill myself       | SUICIDE
			I would never hurt myself           | I want to hurt myself          | SELF_HARM
			I won't hurt myself, I promise      | I will hurt myself             | SELF_HARM
			I'm not suicidal                    | I'm suicidal                   | SUICIDE
			I'm no longer suicidal              | I'm suicidal again             | SUICIDE
			I don't want to die                 | I want to die                  | SUICIDE
			I have no thoughts of suicide       | I have thoughts of suicide     | SUICIDE
			I haven't had any urges to cut      | I've had urges to cut          | SELF_HARM
			I'm not thinking about killing myself | I'm thinking about killing myself | SUICIDE
			I will never take my own life       | I will take my own life        | SUICIDE
			I would never hurt her              | I want to hurt her             | HARM_TO_OTHERS
			I'd never kill anyone               | I could kill anyone            | HARM_TO_OTHERS
			I'm not going to hurt anyone        | I'm going to hurt someone      | HARM_TO_OTHERS
			I never hit her                     | I hit her                      | HARM_TO_OTHERS
			I didn't want to hurt him           | I wanted to hurt him           | HARM_TO_OTHERS
			She asked if I was suicidal and I said no | She asked if I was suicidal and I said yes | SUICIDE
			The nurse asked if I'd tried to overdose. I said no. True. | The nurse asked if I'd tried to overdose. I said yes. | SUICIDE
			No self harm this week, not tempted  | Self harm this week, tempted   | SELF_HARM
			I did the suicide prevention walk with the lads | I thought about suicide on the walk with the lads | SUICIDE
			Years ago I tried to take my own life | Last night I tried to take my own life | SUICIDE
			I tried to kill myself at 17         | I tried to kill myself at 20 past nine | SUICIDE
			Q: Are you suicidal? A: No.          | Q: Are you suicidal? A: Yes.   | SUICIDE
			The GP asked straight out if I'd thought about suicide. I said no, and that's the truth. | The GP asked straight out if I'd thought about suicide. I said yes, and that's the truth. | SUICIDE
			Doc asked if I had thoughts of hurting myself, said no n meant it | Doc asked if I had thoughts of hurting myself, said yes | SELF_HARM
			My son self-harmed last year         | I self-harmed last year        | SELF_HARM
			The coroner's verdict was suicide    | My plan is suicide             | SUICIDE
			""";

	@ParameterizedTest(name = "hit: {0}")
	@MethodSource("hits")
	void languageAboutHarmIsAHitOfItsKind(String text, Set<RiskKind> kinds) {
		RiskCheck check = language.check(text);
		assertThat(check.hit()).as(text).isTrue();
		assertThat(check.kinds()).as(text).isEqualTo(kinds);
		assertThat(check.matchedRules()).as(text).isNotEmpty();
	}

	@ParameterizedTest(name = "near miss: {0}")
	@MethodSource("nearMisses")
	void everydaySpeechThatSoundsLikeHarmIsNotAHit(String text) {
		assertThat(language.check(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@ParameterizedTest(name = "denial: {0}")
	@MethodSource("denials")
	void anExplicitDenialOfIntentIsNotAHitButTheSameThoughtWithoutItIs(String denial, String affirmation,
			RiskKind kind) {
		assertThat(language.check(denial)).as(denial).isEqualTo(RiskCheck.NONE);
		assertThat(language.denials(denial)).as(denial).isNotEmpty();
		assertThat(language.check(affirmation).kinds()).as(affirmation).containsExactly(kind);
	}

	@ParameterizedTest(name = "still a hit: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			I don't want to be alive       | not-wanting-to-live
			I don't want to wake up        | not-wanting-to-wake
			I don't want to live like this | not-wanting-to-live
			I don't want to exist          | not-wanting-to-live
			""")
	void aNegationThatExpressesTheRiskIsAHit(String text, String rule) {
		assertThat(language.check(text).matchedRules()).as(text).contains(rule);
	}

	@Test
	void thereAreAtLeastFortyFivePhrasings() {
		assertThat(hits().count() + nearMisses().count() + 2 * denials().count()).isGreaterThanOrEqualTo(45);
	}

	@Test
	void everyRuleIsExercisedByAPhrasing() {
		Set<String> exercised = new HashSet<>();
		hits().forEach((row) -> exercised.addAll(language.check((String) row.get()[0]).matchedRules()));
		hits().forEach((row) -> exercised.addAll(language.kept((String) row.get()[0])));
		hits().forEach((row) -> exercised.addAll(language.plans((String) row.get()[0])));
		denials().forEach((row) -> exercised.addAll(language.denials((String) row.get()[0])));
		assertThat(exercised).containsExactlyInAnyOrderElementsOf(language.rules().ids());
	}

	@Test
	void everyRuleIsExplainedForClinicians() throws IOException {
		String docs = Files.readString(Path.of("docs/risk-language.md"));
		for (String id : language.rules().ids()) {
			assertThat(docs).as("docs/risk-language.md explains " + id).contains("`" + id + "`");
		}
	}

	@Test
	void aCheckNamesRulesNeverTheWords() {
		RiskCheck check = language.check("I want to die, I wish I was dead");
		assertThat(check.matchedRules()).containsExactly("want-to-die", "wish-dead");
		assertThat(language.rules().ids()).containsAll(check.matchedRules());
	}

	@Test
	void aHitIsReportedAsAnEventWithIdsAndKindsOnly() {
		List<Object> published = new ArrayList<>();
		RiskLanguage reporting = new RiskLanguage(published::add);
		UUID owner = UUID.randomUUID();
		UUID record = UUID.randomUUID();

		RiskCheck check = reporting.checkAndReport("Some days I want to die", owner, RiskSource.JOURNAL, record);

		assertThat(check.kinds()).containsExactly(RiskKind.SUICIDE);
		assertThat(published).containsExactly(new RiskLanguageDetected(owner, RiskSource.JOURNAL, record,
				Set.of(RiskKind.SUICIDE), RiskConfidence.CLEAR));
		assertThat(Stream.of(RiskLanguageDetected.class.getRecordComponents()))
			.noneMatch((component) -> component.getType() == String.class);
	}

	@Test
	void nothingIsReportedWithoutAHit() {
		List<Object> published = new ArrayList<>();
		RiskLanguage reporting = new RiskLanguage(published::add);

		RiskCheck check = reporting.checkAndReport("This job is killing me", UUID.randomUUID(), RiskSource.CHECK_IN,
				UUID.randomUUID());

		assertThat(check.hit()).isFalse();
		assertThat(published).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\n\t", "~", "\u0000", "\u200b", "'", "don't", "my self" })
	void emptyAndTrivialTextIsClear(String text) {
		assertThat(language.check(text)).isEqualTo(RiskCheck.NONE);
	}

	@Test
	void hostileTextNeverBreaksTheCheck() {
		for (long seed = 1; seed <= 5; seed++) {
			List<String> samples = HostileInput.samples(seed, 60);
			for (int i = 0; i < samples.size(); i++) {
				String sample = samples.get(i);
				assertThatNoException().as("seed %d sample %d", seed, i).isThrownBy(() -> language.check(sample));
			}
		}
	}

	@Test
	void riskLanguageIsFoundInsideMarkupInvisibleCharactersAndOddSpacing() {
		assertThat(language.check("<script>alert(1)</script><p>i want to\u00a0die</p>").hit()).isTrue();
		assertThat(language.check("kill\u200b myself").hit()).isTrue();
		assertThat(language.check("I\r\n\r\nwant   to\tdie").hit()).isTrue();
		assertThat(language.check("Ｉ ＷＡＮＴ ＴＯ ＤＩＥ").hit()).isTrue();
	}

	@Test
	void longTextIsCheckedQuicklyAndToTheEnd() {
		// About 200,000 characters: far longer than any note or entry a person writes.
		String padding = "Today was long and I mostly kept my promises. ".repeat(4_500);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThat(language.check(padding).hit()).isFalse();
			assertThat(language.check(padding + "I want to die").hit()).isTrue();
			assertThat(language.check("kill myself ".repeat(16_000)).hit()).isTrue();
			assertThat(language.check("not ".repeat(50_000) + "suicidal").hit()).isFalse();
		});
	}

	@Test
	void aMalformedRulesListIsRefusedWithItsLine() {
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("die | SUICIDAL | die", "t"))
			.withMessageStartingWith("t:1");
		assertThatIllegalStateException()
			.isThrownBy(() -> RiskRules.parse("# rules\na | SUICIDE | die\na | SUICIDE | dead", "t"))
			.withMessageContaining("t:3")
			.withMessageContaining("used twice");
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("a | SUICIDE | {person} dies", "t"))
			.withMessageContaining("not defined");
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("a | SUICIDE | (die", "t"))
			.withMessageContaining("not a valid regular expression");
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("a | SUICIDE | (?:die)?", "t"))
			.withMessageContaining("matches empty text");
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("just some words", "t"))
			.withMessageContaining("expected");
		assertThatIllegalStateException().isThrownBy(() -> RiskRules.parse("# only a comment", "t"))
			.withMessageContaining("no rules");
	}

	@Test
	void definitionsAreUsedByLaterRules() {
		RiskRules rules = RiskRules.parse("""
				@who = (?:him|her)
				never | NEGATION | never hurt {who}
				hurt | HARM_TO_OTHERS | hurt {who}
				""", "t");
		assertThat(rules.ids()).containsExactly("never", "hurt");
		assertThat(rules.hits().get(0).pattern().matcher("i will hurt her").find()).isTrue();
		assertThat(rules.hits().get(0).pattern().matcher("unhurt her").find()).isFalse();
	}

	@Test
	void theNormalisedTextSpellsOutContractionsAndStraightensQuotes() {
		assertThat(RiskText.normalise("I’m  NOT\tgonna lie, I dont know, I can't, I won't, they'd, my self"))
			.isEqualTo("i am not going to lie, i do not know, i can not, i will not, they would, myself");
	}

	static Stream<Arguments> hits() {
		return rows(HITS).map((cells) -> Arguments.of(cells[0],
				Arrays.stream(cells[1].split("\\+")).map(RiskKind::valueOf).collect(Collectors.toUnmodifiableSet())));
	}

	static Stream<String> nearMisses() {
		return NEAR_MISSES.lines().map(String::strip).filter((line) -> !line.isEmpty());
	}

	static Stream<Arguments> denials() {
		return rows(DENIALS).map((cells) -> Arguments.of(cells[0], cells[1], RiskKind.valueOf(cells[2])));
	}

	private static Stream<String[]> rows(String table) {
		return table.lines()
			.filter((line) -> !line.isBlank())
			.map((line) -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new));
	}

}
