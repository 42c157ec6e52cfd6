package app.steadfast.couple;

import java.time.Instant;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Role;

/**
 * Where a person stands with their partner, as their own couple page shows it. Never says
 * why sharing is paused.
 *
 * @param partner the linked partner, or {@code null}
 * @param partnerName the partner's chosen name, or {@code null}
 * @param linkedAt when they linked, or {@code null}
 * @param myIntakeDone whether this person answered the private intake
 * @param bothIntakesDone whether both did, which opens the joint features
 * @param paused whether this person's own safety answers paused their sharing (for a
 * partner on her own: ask for the pause); always false for the client, who is never told
 * @param pendingInvitation whether this person sent an invitation that still waits
 */
public record LinkState(AccountId partner, String partnerName, Instant linkedAt, boolean myIntakeDone,
		boolean bothIntakesDone, boolean paused, boolean pendingInvitation) {

	public boolean linked() {
		return this.partner != null;
	}

	/**
	 * Whether the weekly pulse is open to this person: once both answered the intake, or,
	 * for a partner on her own (never invited, or not linked yet), once she answered
	 * hers.
	 */
	public boolean pulseOpen(Role role) {
		return this.bothIntakesDone || (!linked() && role == Role.PARTNER && this.myIntakeDone);
	}

}
