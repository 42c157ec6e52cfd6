package app.steadfast.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.SingleUseTokens.Kind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token works only for its kind, once, and of two simultaneous uses exactly one wins:
 * on H2 and on PostgreSQL.
 */
@SteadfastTest
class SingleUseTokenTests {

	static final Kind RESET = new Kind("password_token", "account_id", "RESET", Duration.ofMinutes(30));

	static final Kind INVITATION = new Kind("password_token", "account_id", "INVITATION", Duration.ofDays(7));

	static final Kind PARTNER = new Kind("partner_invitation", "client_id", "PARTNER_INVITATION", Duration.ofDays(7));

	@Autowired
	SingleUseTokens tokens;

	@Autowired
	AccountManagement accounts;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aTokenOfOneKindIsRefusedForAnother() {
		UUID account = account("kind");
		String token = this.tokens.issue(RESET, account);
		assertThat(this.tokens.peek(INVITATION, token)).as("same table, other purpose").isEmpty();
		assertThat(this.tokens.consume(INVITATION, token)).as("same table, other purpose").isEmpty();
		assertThat(this.tokens.consume(PARTNER, token)).as("other table").isEmpty();
		assertThat(this.tokens.consume(RESET, token)).as("still unused").contains(account);
	}

	@Test
	void aConsumedTokenIsRefused() {
		UUID account = account("consumed");
		String token = this.tokens.issue(INVITATION, account);
		assertThat(this.tokens.consume(INVITATION, token)).contains(account);
		assertThat(this.tokens.peek(INVITATION, token)).isEmpty();
		assertThat(this.tokens.consume(INVITATION, token)).isEmpty();
	}

	@Test
	void aNewerTokenEndsTheOlderOfTheSameSubject() {
		UUID account = account("newer");
		String first = this.tokens.issue(INVITATION, account);
		String second = this.tokens.issue(RESET, account);
		assertThat(this.tokens.consume(INVITATION, first)).isEmpty();
		assertThat(this.tokens.consume(RESET, second)).contains(account);
	}

	@Test
	void twoSimultaneousConsumesSucceedOnce() throws Exception {
		UUID account = account("race");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String token = this.tokens.issue(RESET, account);
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Optional<UUID>>> uses = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					uses.add(pool.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return this.tokens.consume(RESET, token);
					}));
				}
				List<Optional<UUID>> results = new ArrayList<>();
				for (Future<Optional<UUID>> use : uses) {
					results.add(use.get(30, TimeUnit.SECONDS));
				}
				assertThat(results).as("round " + round).filteredOn(Optional::isPresent).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aUseWaitingOnAnUncommittedUseFails() throws Exception {
		UUID account = account("waiting");
		String token = this.tokens.issue(RESET, account);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CompletableFuture<Optional<UUID>> second = transaction.execute((status) -> {
			assertThat(this.tokens.consume(RESET, token)).contains(account);
			// Started while the first use holds the row, not yet committed.
			return CompletableFuture.supplyAsync(() -> new TransactionTemplate(this.transactions)
				.execute((inner) -> this.tokens.consume(RESET, token)));
		});
		assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
	}

	private UUID account(String name) {
		return this.accounts.signUp(TestPeople.uniqueEmail(name), "Tomas", TestPeople.PASSWORD, null).id().value();
	}

}
