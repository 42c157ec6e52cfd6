/**
 * Owns each person's progress over weeks (weekly figures kept up to date by the other
 * modules' events, his weekly review and report), decides the readings and stuck signals
 * drawn from it, and gathers the export of all his data. The figures of each capability
 * are read through its API; the stuck signals point him to his therapist or a free
 * consultation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety", "checkins", "commitments", "repair",
				"conversations", "couple", "consultations" })
@org.jspecify.annotations.NullMarked
package app.steadfast.insights;
