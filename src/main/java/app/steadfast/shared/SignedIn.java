package app.steadfast.shared;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What the layout and every module may know of the person signed in.
 */
public interface SignedIn {

	/** The account's id. */
	UUID accountId();

	/** The account, as every module names one. */
	default AccountId account() {
		return new AccountId(accountId());
	}

	/** The name the person chose to be called. */
	String displayName();

	/** The person's one role. */
	Role role();

	/**
	 * The person's time zone, as it was when this sign-in began or he last changed it
	 * here: the zone the dates and times he is shown are in. {@code null} only for a
	 * session begun before zones were kept on accounts ({@link Dates} then uses the
	 * practice's).
	 */
	ZoneId zone();

	/**
	 * When the account was made, to tell a person's first week; {@code null} for a
	 * session begun before sign-ins carried it (he is then past it).
	 */
	java.time.@org.jspecify.annotations.Nullable Instant joinedAt();

}
