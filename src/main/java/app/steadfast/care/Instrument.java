package app.steadfast.care;

import java.util.List;

/**
 * The standard, public-domain questionnaires a therapist can ask a client to complete:
 * the Patient Health Questionnaire (PHQ-9) for depression and the Generalized Anxiety
 * Disorder scale (GAD-7), developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt
 * Kroenke and colleagues. Item texts, answer choices and severity bands follow the
 * published instruments.
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
					new Band(15, 21, "Severe")));

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

	private final List<Band> bands;

	Instrument(String title, String stem, List<String> items, List<Band> bands) {
		this.title = title;
		this.stem = stem;
		this.items = items;
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

	/** The highest possible total. */
	public int maximum() {
		return this.items.size() * 3;
	}

	/**
	 * The total of a complete set of answers.
	 * @throws IllegalArgumentException if an answer is missing or outside 0 to 3
	 */
	int score(List<Integer> answers) {
		if (answers.size() != this.items.size()) {
			throw new IllegalArgumentException("Every item needs an answer");
		}
		int total = 0;
		for (Integer answer : answers) {
			if (answer == null || answer < 0 || answer > 3) {
				throw new IllegalArgumentException("Answers are 0 to 3");
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
	 * these two.
	 */
	int reliableChange() {
		return (this == PHQ9) ? 6 : 4;
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
