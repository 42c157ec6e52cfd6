/**
 * The partner's side: the invitation and link, the private intake with its safety screen
 * and safety pause, and the sharing each person controls (written as grants through the
 * sharing module). Knows no capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Couple",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
package app.steadfast.couple;
