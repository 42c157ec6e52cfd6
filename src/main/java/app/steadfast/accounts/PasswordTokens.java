package app.steadfast.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.SingleUseTokens;
import app.steadfast.shared.SingleUseTokens.Kind;

import org.springframework.stereotype.Component;

/**
 * The links to set a password (a reset, or a staff invitation), kept by
 * {@link SingleUseTokens} in {@code password_token}: one working link per account.
 */
@Component
class PasswordTokens {

	enum Purpose {

		RESET(Duration.ofMinutes(30)), INVITATION(Duration.ofDays(7));

		final Kind kind;

		Purpose(Duration lifetime) {
			this.kind = new Kind("password_token", "account_id", name(), lifetime);
		}

	}

	record Redeemable(UUID accountId, Purpose purpose) {
	}

	private final SingleUseTokens tokens;

	PasswordTokens(SingleUseTokens tokens) {
		this.tokens = tokens;
	}

	/** Issues a token; earlier unused tokens of the account stop working. */
	String issue(UUID accountId, Purpose purpose) {
		return this.tokens.issue(purpose.kind, accountId);
	}

	/** The account a token still opens, without using it up. */
	Optional<Redeemable> peek(String token) {
		for (Purpose purpose : Purpose.values()) {
			Optional<UUID> account = this.tokens.peek(purpose.kind, token);
			if (account.isPresent()) {
				return Optional.of(new Redeemable(account.get(), purpose));
			}
		}
		return Optional.empty();
	}

	/** Uses the token up; empty when it was already used, expired or never issued. */
	Optional<Redeemable> redeem(String token) {
		return peek(token).flatMap(
				(redeemable) -> this.tokens.consume(redeemable.purpose().kind, token).map((account) -> redeemable));
	}

	static String hash(String token) {
		return SingleUseTokens.hash(token);
	}

}
