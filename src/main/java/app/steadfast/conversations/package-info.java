/**
 * Owns his hard-conversation plans, phrase cards, talk log and topics, and decides which
 * topics keep coming back. That is empathy under pressure: preparing for a hard
 * conversation, the pause tool he can open in the middle of one, phrase cards for
 * validating and listening, and a log of how each talk went. Private to their owner; his
 * partner sees his log only through a grant in the sharing module, and may add her view
 * beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety", "checkins" })
@org.jspecify.annotations.NullMarked
package app.steadfast.conversations;
