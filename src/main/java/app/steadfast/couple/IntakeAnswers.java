package app.steadfast.couple;

/**
 * One person's private intake. The other partner never sees any of it.
 *
 * @param brings what brings them here
 * @param hopes what they hope for
 * @param afraid the partner's answer to "do you feel afraid of your partner or unsafe at
 * home?"
 * @param harmed the partner's answer to "has your partner hurt, threatened or controlled
 * you?"
 */
public record IntakeAnswers(String brings, String hopes, SafetyAnswer afraid, SafetyAnswer harmed) {

	/** Whether the answers call for the safety pause. */
	public boolean asksForPause() {
		return this.afraid == SafetyAnswer.YES || this.harmed == SafetyAnswer.YES
				|| this.afraid == SafetyAnswer.NOT_SURE || this.harmed == SafetyAnswer.NOT_SURE;
	}

}
