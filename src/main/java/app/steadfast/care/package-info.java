/**
 * Owns the therapist's work with his clients (consents, session notes, homework,
 * measures, risk alerts, emergency access and handovers) and the admin's practice
 * settings page, and decides that a therapist sees of a client's own records only what
 * the client granted. The caseload, read-only views of what he granted, the therapist's
 * own encrypted session notes, standard measures (PHQ-9, GAD-7) and an admin's
 * time-limited emergency access all live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety", "library", "consultations",
				"checkins", "commitments", "conversations", "repair", "insights" })
@org.jspecify.annotations.NullMarked
package app.steadfast.care;
