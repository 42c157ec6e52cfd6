package app.steadfast.safety;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan worded in a sentence (means, timing, a farewell, a decision made: the PLAN
 * wording of content/risk-language.txt) lets the sentence model raise a possible hit from
 * a lower reading ("possible-with-plan"), and is never a hit by itself
 * (docs/risk-language.md, "A plan lowers the bar").
 */
class RiskPlanTests {

	private static final RiskLanguage rules = new RiskLanguage((event) -> {
	});

	private static SentenceClassifier shipped;

	private static SentenceModel model;

	@BeforeAll
	static void loadModel() {
		shipped = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);
		model = SentenceModel.loaded(shipped.reader(), Duration.ofMinutes(2));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			the pills are in the kitchen drawer, I counted them twice       | plan-means
			drove out to the bridge again tonight                           | plan-means
			after the hearing on monday it won't matter anymore             | plan-timing
			this is my last entry, thanks for everything                    | plan-farewell
			I will not be here by christmas                                 | plan-farewell
			I've made up my mind and I've picked the place                  | plan-decided
			I read up on a lethal dose for what the GP gave me              | plan-means
			still have the oxy from the knee op                             | plan-means
			it'll be over before christmas, nobody will have to carry me    | plan-timing
			bye to everyone who put up with me                              | plan-farewell
			gave away all my tools to the lads at work                      | plan-farewell
			there's a note in the shed for whoever needs it                 | plan-farewell
			don't set a place for me next year                              | plan-farewell
			I paid off my funeral this morning                              | plan-farewell
			I think I'll go through with it                                 | plan-decided
			I can make it look like an accident                             | plan-decided
			""")
	void theWordingOfAPlanIsFound(String text, String plan) {
		assertThat(rules.plans(text)).as(text).contains(plan);
	}

	@Test
	void aPlanIsNeverAHitByItself() {
		// The rules alone (before the model has loaded) raise nothing on a plan's words.
		for (String text : new String[] { "booked the train for tomorrow to see my brother",
				"fixed the gutter on the roof today", "the pills are in the kitchen drawer",
				"the nurse showed me how to set my insulin pen", "we gave away my old bike to the neighbours",
				"left a note on the fridge about the school run" }) {
			assertThat(rules.check(text)).as(text).isEqualTo(RiskCheck.NONE);
		}
	}

	@Test
	void aSentenceThatWordsAPlanNeedsALowerReading() {
		// Thresholds set so that the difference shows on this model's readings: the same
		// model and weights as shipped, "possible" above what either sentence reads,
		// "possible-with-plan" below what the plan's sentence reads.
		RiskLanguage check = with(0.9999, 0.95);
		String plan = "the pills are in the kitchen drawer, I counted them twice";
		String noPlan = "I know where I'd go and I know when";
		assertThat(check.highestByModel(plan)).isBetween(0.95, 0.9999);
		assertThat(check.highestByModel(noPlan)).isBetween(0.95, 0.9999);
		assertThat(check.check(plan).hit()).isTrue();
		assertThat(check.check(plan).confidence()).isEqualTo(RiskConfidence.POSSIBLE);
		assertThat(check.check(plan).matchedRules()).containsExactly(RiskCheck.SENTENCE_MODEL);
		assertThat(check.check(noPlan)).isEqualTo(RiskCheck.NONE);
		// A plan's words in a sentence the model reads as clean stay clean.
		assertThat(check.check("fixed the gutter on the roof today")).isEqualTo(RiskCheck.NONE);
	}

	@Test
	void theShippedClassifierLowersTheBarForAPlanOnly() {
		// The plan's bar reads the layers alone, as it was chosen on them (on T);
		// "possible"
		// reads them blended with the nearest training rows' vote, so the two are on
		// different scales. The plan's bar is below the layers' own "possible" when it
		// was
		// chosen (0.904), so for a sentence that words a plan the layers alone can raise
		// a
		// hit the blend would not.
		assertThat(shipped.setting("possible-with-plan")).isLessThan(0.904);
		assertThat(shipped.nearest()).isPresent();
	}

	private static RiskLanguage with(double possible, double withPlan) {
		Map<String, Double> settings = new HashMap<>(shipped.settings());
		settings.put("possible", possible);
		settings.put("clear", 0.99999);
		settings.put("possible-with-plan", withPlan);
		return new RiskLanguage((event) -> {
		}, model, new SentenceClassifier(shipped.reader(), shipped.labels(), shipped.layers(), settings));
	}

}
