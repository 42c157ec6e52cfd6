package app.steadfast.safety;

import java.time.Duration;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Denials and reported speech, through the rules alone and through the whole check (rules
 * and the sentence model): what a denial sets aside, what it leaves, and when a "no" is
 * not a denial at all. The practice's stance is in docs/risk-language.md ("Denials").
 */
class RiskNegationTests {

	private static final RiskLanguage rules = new RiskLanguage((event) -> {
	});

	private static RiskLanguage both;

	@BeforeAll
	static void loadModel() {
		SentenceClassifier classifier = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);
		both = new RiskLanguage((event) -> {
		}, SentenceModel.loaded(classifier.reader(), Duration.ofMinutes(2)), classifier);
		assertThat(both.modelReady()).isTrue();
	}

	@ParameterizedTest(name = "denial: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I have never thought about killing myself                            | no-thoughts-of
			I've never thought about suicide.                                    | no-thoughts-of
			no thoughts of hurting myself                                        | no-thoughts-of
			No thoughts of suicide today.                                        | no-thoughts-of
			the counsellor asked if I'd had thoughts of suicide and I said no    | asked-and-said-no
			She asked me whether I wanted to hurt myself, I told her no.         | asked-and-said-no
			When asked if I was suicidal I said no                               | asked-and-said-no
			The doctor asked if I want to die and I said not really              | asked-and-said-no
			I have never tried to kill myself                                    | never-did
			I'm not going to kill myself                                         | not-going-to
			I would never hurt myself                                            | would-never
			""")
	void anExplicitDenialIsSetAsideByTheRules(String text, String denial) {
		assertThat(rules.denials(text)).as(text).contains(denial);
		assertThat(rules.checkByRules(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@ParameterizedTest(name = "denial, both layers: {0}")
	@ValueSource(strings = { "I have never thought about killing myself", "I've never thought about suicide.",
			"no thoughts of hurting myself", "No thoughts of suicide today.",
			"the counsellor asked if I'd had thoughts of suicide and I said no",
			"She asked me whether I wanted to hurt myself, I told her no.", "When asked if I was suicidal I said no",
			"I have never tried to kill myself",
			"The counsellor asked if I'd had thoughts of suicide and I said no. Then we talked about my marriage.",
			"I would never hurt her. I was angry and I left the room." })
	void anExplicitDenialIsNotAHitForTheWholeCheck(String text) {
		// The sentence model never reads what was set aside, so it cannot undo a denial.
		assertThat(both.check(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@ParameterizedTest(name = "just no: {0}")
	@ValueSource(strings = { "I said no", "I said no.", "No.", "She asked. I said no." })
	void aNoOnItsOwnIsNotAHit(String text) {
		assertThat(both.check(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@ParameterizedTest(name = "still a hit: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^',
			textBlock = """
					I said no to the counsellor but honestly I think about killing myself every night                         | kill-myself
					The doctor asked if I was suicidal and I said no, but honestly I think about killing myself every night    | kill-myself
					I have no thoughts of suicide but I want to die                                                           | want-to-die
					She asked if I had thought about suicide and I said no. I want to die though.                             | want-to-die
					I'm not going to kill myself, but I want to die                                                           | want-to-die
					""")
	void riskBesideADenialIsStillAHit(String text, String rule) {
		// A denial covers only its own words; what else he wrote is still read.
		assertThat(rules.checkByRules(text).matchedRules()).as(text).contains(rule);
		RiskCheck check = both.check(text);
		assertThat(check.kinds()).as(text).contains(RiskKind.SUICIDE);
		assertThat(check.confidence()).as(text).isEqualTo(RiskConfidence.CLEAR);
	}

	@Test
	void aDenialInOneSentenceDoesNotKeepTheModelFromReadingTheNext() {
		String text = "I said no to the counsellor. But honestly I think about ending it every night.";

		assertThat(rules.checkByRules(text)).as("no rule names \"ending it\"").isEqualTo(RiskCheck.NONE);
		RiskCheck check = both.check(text);
		assertThat(check.kinds()).containsExactly(RiskKind.SUICIDE);
		assertThat(check.matchedRules()).containsExactly(RiskCheck.SENTENCE_MODEL);
	}

	@ParameterizedTest(name = "not a denial: {0}")
	@ValueSource(strings = { "The doctor asked if I was suicidal and I said no, but I lied",
			"The doctor asked if I was suicidal and I said no, but I'm not sure",
			"I lied when she asked if I was suicidal and I said no",
			"I lied to my therapist when she asked if I was suicidal, I said no",
			"She asked if I was suicidal and I lied and said no",
			"She asked if I was suicidal and I said no and I lied", "The doctor asked if I was suicidal and I said yes",
			"The doctor asked if I was suicidal and I said I don't know" })
	void aNoThatIsQualifiedOrCalledALieIsNotADenial(String text) {
		assertThat(rules.denials(text)).as(text).isEmpty();
		assertThat(rules.checkByRules(text).kinds()).as(text).containsExactly(RiskKind.SUICIDE);
		assertThat(both.check(text).hit()).as(text).isTrue();
	}

	@Test
	void aScreeningQuestionNotAnsweredWithATrueNoKeepsItsHitFromTheModel() {
		// The rules decide what an answer to a screening question means; the model may
		// not set such a hit aside (docs/risk-language.md, screening-answer-stands).
		for (String text : new String[] { "The doctor asked if I was suicidal and I said no, but I lied",
				"The doctor asked if I was suicidal and I said yes",
				"I lied when she asked if I was suicidal. I said no." }) {
			assertThat(rules.kept(text)).as(text).containsExactly("screening-answer-stands");
		}
		// Answered with a true no, the question is set aside with the denial: nothing is
		// kept.
		assertThat(rules.kept("The counsellor asked if I'd had thoughts of suicide and I said no")).isEmpty();
		assertThat(rules.kept("I want to die")).doesNotContain("screening-answer-stands");
	}

	@ParameterizedTest(name = "said now, in his own voice: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I feel suicidal most nights once the house is quiet
			I want to die, I do
			i really want to kill myself
			I'm going to end my life
			im so suicidal
			I just want to hurt myself tonight
			""")
	void theModelNeverSetsAsideAManSayingNowThatHeWantsToDie(String text) {
		assertThat(rules.kept(text)).as(text).contains("said-in-the-first-person");
		assertThat(both.check(text).confidence()).as(text).isEqualTo(RiskConfidence.CLEAR);
	}

	@ParameterizedTest(name = "the past, or someone else: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I wanted to die back when I was nineteen
			I was suicidal in 2010 and I'm well now
			My brother said he wants to die
			I volunteered at a suicide prevention walk
			""")
	void thePastOrSomeoneElseIsNotKeptFromTheModel(String text) {
		assertThat(rules.kept(text)).as(text).doesNotContain("said-in-the-first-person");
	}

	@ParameterizedTest(name = "a denial limited in time: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I have never thought about killing myself until now
			I never thought about killing myself before this week
			I had no thoughts of suicide until this week
			I haven't had thoughts of suicide yet
			I have never tried to kill myself before
			""")
	void aDenialLimitedInTimeKeepsItsHitFromTheModel(String text) {
		assertThat(rules.kept(text)).as(text).contains("denial-limited-in-time");
	}

	@Test
	void anAnswerInTheNextSentenceDoesNotSetTheQuestionAside() {
		// A question answered in another sentence is read as written: a false alarm at
		// worst, never a missed "I lied when she asked if I was suicidal. I said no."
		for (String text : new String[] { "The counsellor asked if I'd had thoughts of suicide. I said no.",
				"I lied when she asked if I was suicidal. I said no." }) {
			assertThat(rules.denials(text)).as(text).isEmpty();
			assertThat(both.check(text).matchedRules()).as(text).contains("suicide");
		}
	}

	@ParameterizedTest(name = "the past has ended: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			I have never thought about killing myself until now   | kill-myself
			I never thought about killing myself before this week | kill-myself
			I had no thoughts of suicide until this week          | suicide
			I haven't had thoughts of suicide yet                 | suicide
			I have never tried to kill myself before              | kill-myself
			""")
	void aDenialOfThePastIsNotADenialWhenItSaysThePastHasEnded(String text, String rule) {
		assertThat(rules.denials(text)).as(text).isEmpty();
		assertThat(rules.checkByRules(text).matchedRules()).as(text).containsExactly(rule);
		assertThat(both.check(text).confidence()).as(text).isEqualTo(RiskConfidence.CLEAR);
	}

	@ParameterizedTest(name = "the past brought into the present: {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
			Years ago I cut myself and last night I did it again          | hurting-myself
			I used to cut myself and now the urge is back                 | hurting-myself
			When I was 17 I wanted to die and I still do                  | want-to-die
			I'm used to wanting to die                                    | want-to-die
			Back in 2015 I tried to end my life. I want to end my life.   | end-my-life
			I was going to kill myself at 11 tonight                      | kill-myself
			Haven't self harmed in 3 months but I did tonight             | self-harm
			I told the psych I wasn't self harming. I am.                 | self-harm
			The nurse asked if I was suicidal. I said no. True, but I lied. | suicide
			Rang the insurance to ask about the suicide clause            | suicide
			I called the suicide hotline last night                       | suicide
			I tried to kill myself at 20 past nine                        | kill-myself
			I used to self harm, I know the signs now and I do it now     | self-harm
			Q: Are you suicidal? A: No, but I lied.                       | suicide
			The GP asked straight out if I was suicidal. I said no. I lied. | suicide
			gp asked if i was hurting myself and i lied and said no       | hurting-myself
			My plan is my own suicide                                     | suicide
			Friday's suicide attempt scared me                            | suicide
			After Saturday's suicide attempt I am still shaky             | suicide
			I'm in suicide mode tonight                                   | suicide
			I have had that song on repeat all night thinking about suicide | suicide
			I wrote a poem about my suicide plan tonight                  | suicide
			I keep making suicide jokes because honestly I want to go     | suicide
			""")
	void riskOfThePastOrATopicIsStillAHitWhenTheSentenceBringsItBack(String text, String rule) {
		// long-past, none-of-it, risk-as-topic and answered-no-truly set aside only a
		// sentence with nothing in it that brings the risk into the present.
		assertThat(rules.checkByRules(text).matchedRules()).as(text).contains(rule);
	}

	@ParameterizedTest(name = "someone else's school today is not his past: {0}")
	@ValueSource(strings = {
			"I had the affair and ruined everything and the only decent thing left is to "
					+ "remove myself, I've planned it for when the kids are at school",
			"I'll do it on Monday while she is at school", "when my son's at school I cut myself" })
	void someoneElsesSchoolDoesNotDateTheSentenceInThePast(String text) {
		// A sentence set aside whole is never read by the model: "at school" dated this
		// plan in his past, and the model never saw it (7 December 2026).
		assertThat(rules.denials(text)).as(text).doesNotContain("long-past");
	}

	@ParameterizedTest(name = "his own school days are still the past: {0}")
	@ValueSource(strings = { "I self-harmed at uni; I'm fifty now and well", "I cut myself at school",
			"I tried to kill myself in high school" })
	void hisOwnSchoolDaysStillDateTheSentence(String text) {
		assertThat(rules.denials(text)).as(text).contains("long-past");
	}

	@ParameterizedTest(name = "someone else: {0}")
	@ValueSource(strings = { "My brother said he wants to kill himself", "My dad killed himself when I was twelve",
			"My best mate killed himself last year and I still think about him" })
	void whatSomeoneElseDidOrSaidInTheThirdPersonIsNotAHit(String text) {
		assertThat(both.check(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@ParameterizedTest(name = "reported in his own first-person words, still a hit: {0}")
	@ValueSource(strings = { "He said \"I want to die\"", "My wife said I am a burden to everyone" })
	void reportedSpeechInFirstPersonWordsIsAHit(String text) {
		// Known and accepted (docs/risk-language.md, "Known limits"): neither layer knows
		// who is speaking in a quote, so quoting someone else is a false alarm rather
		// than a miss.
		assertThat(rules.checkByRules(text).kinds()).as(text).containsExactly(RiskKind.SUICIDE);
		assertThat(both.check(text).hit()).as(text).isTrue();
	}

	// "My friend told me he wanted to die" was set aside too until the model learned from
	// nine writers' rows; it now raises a hit, a false alarm about someone close to him,
	// the side the practice accepts (docs/risk-language.md, "Known limits").
	@ParameterizedTest(name = "someone else's words, reported: {0}")
	@ValueSource(strings = { "My friend said she was suicidal" })
	void someoneElsesRiskReportedInTheThirdPersonIsSetAsideByTheModel(String text) {
		// The rules match the words; the sentence model reads the sentence as plainly
		// clean (it is about someone else, as above), so the rule's hit is set aside.
		// ("She said she wants to die" is not set aside since the third writer's rows:
		// about someone close to him, a false alarm is the side the practice accepts.)
		assertThat(rules.checkByRules(text).kinds()).as(text).containsExactly(RiskKind.SUICIDE);
		assertThat(both.check(text)).as(text).isEqualTo(RiskCheck.NONE);
	}

	@Test
	void partOfMeWantingToDieIsAHit() {
		// "wants" was missing from the rule, so this passive wish was read by neither
		// layer.
		assertThat(rules.checkByRules("Part of me wants to die").matchedRules()).containsExactly("want-to-die");
		assertThat(rules.checkByRules("Part of me wants to die for my kids")).isEqualTo(RiskCheck.NONE);
	}

}
