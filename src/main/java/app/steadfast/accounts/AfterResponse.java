package app.steadfast.accounts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must not shape the answer to a public form: whether an address has an account
 * decides what is done (a token, a password hash, an email), so it is done on another
 * thread, after any transaction of the request committed, and the answer leaves at once,
 * costing the same either way. Kept in this node's memory only: it may hold a typed
 * password, which never goes to the database or an event.
 */
@Component
class AfterResponse implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AfterResponse.class);

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (work) -> {
		Thread thread = new Thread(work, "accounts-after-response-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/** Runs the work on another thread, after the current transaction commits. */
	void run(Runnable work) {
		Runnable guarded = () -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				// The person already has his answer; the log names only what failed (an
				// address is personal data).
				log.warn("Work after a public form's answer failed ({})", ex.getClass().getSimpleName());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AfterResponse.this.executor.execute(guarded);
				}
			});
			return;
		}
		this.executor.execute(guarded);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
