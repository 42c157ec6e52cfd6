/**
 * Progress he can see: weekly figures from each capability read through its API and kept
 * up to date by its events, plain-language readings of them, and the stuck signals that
 * point him to his therapist or a free consultation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety", "checkins", "commitments", "repair",
				"conversations", "couple", "consultations" })
package app.steadfast.insights;
