package app.steadfast.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is out of reach" (a 503 page) and which are plain
 * errors that keep their usual handling.
 */
class DatabaseUnavailablePageTests {

	@Test
	void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsAway() {
		assertThat(DatabaseUnavailablePage.databaseUnavailable(
				new ServletException("Request processing failed", new CannotGetJdbcConnectionException("no"))))
			.isTrue();
		assertThat(DatabaseUnavailablePage
			.databaseUnavailable(new CannotCreateTransactionException("no", new SQLTransientConnectionException("x"))))
			.isTrue();
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new DataAccessResourceFailureException("I/O"))).isTrue();
		assertThat(
				DatabaseUnavailablePage.databaseUnavailable(new IllegalStateException(new SQLException("x", "08006"))))
			.isTrue();
		TransactionSystemException rollback = new TransactionSystemException("rollback failed",
				new SQLException("Connection is closed"));
		assertThat(DatabaseUnavailablePage.databaseUnavailable(rollback)).isTrue();
	}

	@Test
	void otherFailuresAreNotMistakenForAnOutage() {
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailablePage
			.databaseUnavailable(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new TransactionSystemException("no sql cause")))
			.isFalse();
	}

}
