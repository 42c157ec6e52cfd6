package app.steadfast.care;

import app.steadfast.sharing.Category;

/**
 * A category a client can grant his therapist, in his words.
 *
 * @param category the sharing category
 * @param label its name on screen
 * @param explanation what granting it means
 */
record Consent(Category category, String label, String explanation) {

	static String label(String category) {
		return switch (category) {
			case "CHECKINS" -> "Check-ins";
			case "JOURNAL" -> "Journal";
			case "COMMITMENTS" -> "Commitments";
			case "STATEMENTS" -> "Statements and answers";
			case "CONVERSATIONS" -> "Conversations";
			case "INSIGHTS" -> "Progress";
			case "RISK_ALERTS" -> "Risk alerts";
			case Messages.AUDITED -> "Messages";
			default -> category;
		};
	}

}
