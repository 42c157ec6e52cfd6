/**
 * Owns nothing a person writes: with the demo profile only, it fills the demo accounts
 * with three weeks of a practice's life, written through the other modules' APIs as each
 * day would have written it. That is the demo client linked to the demo partner and the
 * demo therapist, with check-ins, promises kept and missed, a statement in two versions,
 * talks, weekly pulses from both, the partner's questions, his grants to his therapist
 * and a consultation request waiting for staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
		allowedDependencies = { "shared", "accounts", "sharing", "checkins", "commitments", "repair", "conversations",
				"couple", "consultations" })
@org.jspecify.annotations.NullMarked
package app.steadfast.demo;
