package app.steadfast.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The standard questionnaires a therapist can ask a client to complete: the Patient
 * Health Questionnaire (PHQ-9) for depression and the Generalized Anxiety Disorder scale
 * (GAD-7), developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and
 * colleagues and in the public domain; and the four-item Couples Satisfaction Index
 * (CSI-4; Funk and Rogge, 2007, Journal of Family Psychology 21(4), 572-583), which its
 * authors made free to use in research and clinical work. Item texts, answer choices and
 * bands follow the published instruments.
 */
enum Instrument {

	PHQ9("PHQ-9", "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
			List.of("Little interest or pleasure in doing things", "Feeling down, depressed, or hopeless",
					"Trouble falling or staying asleep, or sleeping too much", "Feeling tired or having little energy",
					"Poor appetite or overeating",
					"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
					"Trouble concentrating on things, such as reading the newspaper or watching television",
					"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
							+ "fidgety or restless that you have been moving around a lot more than usual",
					"Thoughts that you would be better off dead or of hurting yourself in some way"),
			List.of(new Band(0, 4, "Minimal"), new Band(5, 9, "Mild"), new Band(10, 14, "Moderate"),
					new Band(15, 19, "Moderately severe"), new Band(20, 27, "Severe"))),

	GAD7("GAD-7", "Over the last 2 weeks, how often have you been bothered by the following problems?",
			List.of("Feeling nervous, anxious or on edge", "Not being able to stop or control worrying",
					"Worrying too much about different things", "Trouble relaxing",
					"Being so restless that it is hard to sit still", "Becoming easily annoyed or irritable",
					"Feeling afraid as if something awful might happen"),
			List.of(new Band(0, 4, "Minimal"), new Band(5, 9, "Mild"), new Band(10, 14, "Moderate"),
					new Band(15, 21, "Severe"))),

	/**
	 * Relationship satisfaction: higher is better, and totals under 13.5 mark the strain
	 * the authors found in couples in distress. Each item has its own answers; there is
	 * no closing question.
	 */
	CSI4("CSI-4", "About your relationship as it is now.",
			List.of("Please indicate the degree of happiness, all things considered, of your relationship.",
					"I have a warm and comfortable relationship with my partner.",
					"How rewarding is your relationship with your partner?",
					"In general, how satisfied are you with your relationship?"),
			List.of(List.of("Extremely unhappy", "Fairly unhappy", "A little unhappy", "Happy", "Very happy",
					"Extremely happy", "Perfect"),
					List.of("Not at all true", "A little true", "Somewhat true", "Mostly true",
							"Almost completely true", "Completely true"),
					List.of("Not at all", "A little", "Somewhat", "Mostly", "Almost completely", "Completely"),
					List.of("Not at all", "A little", "Somewhat", "Mostly", "Almost completely", "Completely")),
			List.of(new Band(0, 13, "Under strain"), new Band(14, 21, "Satisfied on the whole")));

	/**
	 * The closing question both instruments ask after the items. It is not scored; it
	 * tells how much the problems get in the way of daily life.
	 */
	static final String DIFFICULTY = "If you checked off any problems, how difficult have these problems made it for "
			+ "you to do your work, take care of things at home, or get along with other people?";

	/** The answers to the closing question, 0 to 3. */
	static final List<String> DIFFICULTY_CHOICES = List.of("Not difficult at all", "Somewhat difficult",
			"Very difficult", "Extremely difficult");

	/** The answer choices every item shares, scored 0 to 3. */
	static final List<String> CHOICES = List.of("Not at all", "Several days", "More than half the days",
			"Nearly every day");

	private final String title;

	private final String stem;

	private final List<String> items;

	private final @Nullable List<List<String>> choices;

	private final List<Band> bands;

	Instrument(String title, String stem, List<String> items, List<Band> bands) {
		// Every item offers the shared frequency answers (CHOICES, which an enum's
		// constructor cannot name).
		this(title, stem, items, null, bands);
	}

	Instrument(String title, String stem, List<String> items, @Nullable List<List<String>> choices, List<Band> bands) {
		this.title = title;
		this.stem = stem;
		this.items = items;
		this.choices = choices;
		this.bands = bands;
	}

	public String title() {
		return this.title;
	}

	public String stem() {
		return this.stem;
	}

	public List<String> items() {
		return this.items;
	}

	List<Band> bands() {
		return this.bands;
	}

	/** The answers item {@code index} offers, scored 0 upwards in this order. */
	public List<String> choices(int index) {
		return (this.choices != null) ? this.choices.get(index) : CHOICES;
	}

	/** The highest answer item {@code index} takes. */
	int highest(int index) {
		return choices(index).size() - 1;
	}

	/** Whether the closing, unscored "how difficult" question follows the items. */
	public boolean asksDifficulty() {
		return this != CSI4;
	}

	/** Whether a higher total is the better one (relationship satisfaction). */
	public boolean higherIsBetter() {
		return this == CSI4;
	}

	/** The highest possible total. */
	public int maximum() {
		int maximum = 0;
		for (int i = 0; i < this.items.size(); i++) {
			maximum += highest(i);
		}
		return maximum;
	}

	/**
	 * The total of a complete set of answers.
	 * @throws IllegalArgumentException if an answer is missing or outside its item's
	 * choices
	 */
	int score(List<Integer> answers) {
		if (answers.size() != this.items.size()) {
			throw new IllegalArgumentException("Every item needs an answer");
		}
		int total = 0;
		for (int i = 0; i < answers.size(); i++) {
			Integer answer = answers.get(i);
			if (answer == null || answer < 0 || answer > highest(i)) {
				throw new IllegalArgumentException("Answer " + (i + 1) + " is outside its choices");
			}
			total += answer;
		}
		return total;
	}

	/** The severity band of a total. */
	String severity(int total) {
		return this.bands.stream()
			.filter((b) -> total >= b.from() && total <= b.to())
			.map(Band::label)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No band holds " + total));
	}

	/**
	 * The smallest change in total between two completions that is more than the
	 * questionnaire's own measurement error: 6 points on the PHQ-9 and 4 on the GAD-7,
	 * the reliable-change criteria England's NHS Talking Therapies programme uses for
	 * these two. The CSI-4 has no such criterion in common use, so none of its changes is
	 * marked ({@link Integer#MAX_VALUE}).
	 */
	int reliableChange() {
		return switch (this) {
			case PHQ9 -> 6;
			case GAD7 -> 4;
			case CSI4 -> Integer.MAX_VALUE;
		};
	}

	/**
	 * Whether the answers call for a risk alert whatever the total: on the PHQ-9, any
	 * answer but "not at all" to item 9 (thoughts of being better off dead or of hurting
	 * oneself).
	 */
	boolean raisesAlert(List<Integer> answers) {
		return this == PHQ9 && answers.size() == 9 && answers.get(8) != null && answers.get(8) > 0;
	}

	/**
	 * A severity band.
	 *
	 * @param from its lowest total
	 * @param to its highest total
	 * @param label its name
	 */
	record Band(int from, int to, String label) {
	}

}
