package app.steadfast.shared;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does something once across every node and every run, such as sending a reminder email:
 * a claim row is inserted under a primary key first, and the action runs only for the
 * caller whose insert succeeded. Claim and action share their own transaction, so an
 * action that fails (the mail server is down) releases the claim and the next run tries
 * again.
 */
@Component
public class ExactlyOnce {

	private static final Logger log = LoggerFactory.getLogger(ExactlyOnce.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	ExactlyOnce(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Claims and runs.
	 * @param claim an INSERT of the claim row, whose primary key names the thing done
	 * once
	 * @param parameters its named parameters (ids and dates, never clinical text)
	 * @param action what to do; it may return false to say it did nothing after all
	 * @return whether this call did it
	 */
	public boolean run(String claim, Map<String, ?> parameters, java.util.function.BooleanSupplier action) {
		try {
			return Boolean.TRUE.equals(this.own.execute((status) -> {
				try {
					this.jdbc.sql(claim).params(parameters).update();
				}
				catch (DataIntegrityViolationException ex) {
					// Another node, or an earlier run, did it.
					return false;
				}
				return action.getAsBoolean();
			}));
		}
		catch (RuntimeException ex) {
			log.warn("Something due once could not be done now and will be tried again ({})",
					ex.getClass().getSimpleName());
			return false;
		}
	}

}
