/**
 * Free consultations: the public request form, the staff's triage of requests (contact,
 * scheduling with calendar invitations, closing), and the invitation that turns a request
 * into a client account linked to his therapist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations",
		allowedDependencies = { "shared", "audit", "accounts" })
package app.steadfast.consultations;
