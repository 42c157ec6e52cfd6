/**
 * The therapist's side: the caseload, the consent grants a client controls, read-only
 * views of what he granted, the therapist's own encrypted session notes, homework, risk
 * alerts, standard measures (PHQ-9, GAD-7) and an admin's time-limited emergency access.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care", allowedDependencies = { "shared", "audit",
		"accounts", "sharing", "safety", "library", "consultations", "checkins", "commitments", "insights" })
package app.steadfast.care;
