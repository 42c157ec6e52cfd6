package app.steadfast.safety;

/**
 * His answer to the one direct question asked after risk language: whether he is thinking
 * about ending his life (or, after language about harming someone, about hurting
 * someone).
 */
public enum RiskAnswer {

	/** He is. */
	YES,

	/** He doesn't know: treated as a yes. */
	NOT_SURE,

	/** He isn't. */
	NO;

	/** Whether the answer routes to the crisis lines and may alert his therapist. */
	public boolean needsHelpNow() {
		return this != NO;
	}

}
