package app.steadfast.safety;

/**
 * What a risk-language hit is about.
 */
public enum RiskKind {

	/** Hurting oneself without the aim of dying: cutting, burning, hitting oneself. */
	SELF_HARM,

	/** Wanting to die, ending one's life, its means and its planning. */
	SUICIDE,

	/** Hurting, threatening or killing someone else. */
	HARM_TO_OTHERS

}
