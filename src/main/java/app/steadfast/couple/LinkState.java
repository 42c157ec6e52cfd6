package app.steadfast.couple;

import java.time.Instant;

import app.steadfast.shared.AccountId;

/**
 * Where a person stands with their partner, as their own couple page shows it. Never says
 * why sharing is paused.
 *
 * @param partner the linked partner, or {@code null}
 * @param partnerName the partner's chosen name, or {@code null}
 * @param linkedAt when they linked, or {@code null}
 * @param myIntakeDone whether this person answered the private intake
 * @param bothIntakesDone whether both did, which opens the joint features
 * @param paused whether this person's own safety answers paused their sharing; always
 * false for the client, who is never told
 * @param pendingInvitation whether this client has an invitation waiting
 */
public record LinkState(AccountId partner, String partnerName, Instant linkedAt, boolean myIntakeDone,
		boolean bothIntakesDone, boolean paused, boolean pendingInvitation) {

	public boolean linked() {
		return this.partner != null;
	}

}
