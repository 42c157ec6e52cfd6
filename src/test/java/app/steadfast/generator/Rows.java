package app.steadfast.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table, written as multi-row INSERTs (a few hundred rows per statement),
 * which both H2 and PostgreSQL take far faster than one statement per row.
 */
final class Rows {

	private static final int MAX_PARAMETERS = 4000;

	private final Connection connection;

	private final String table;

	private final String[] columns;

	private final int perStatement;

	private final List<Object[]> pending = new ArrayList<>();

	private PreparedStatement full;

	private final Runnable before;

	private long written;

	Rows(Connection connection, String table, String[] columns, Runnable before) {
		this.connection = connection;
		this.before = before;
		this.table = table;
		this.columns = columns;
		this.perStatement = Math.max(1, MAX_PARAMETERS / columns.length);
	}

	void add(Object... values) {
		if (values.length != this.columns.length) {
			throw new IllegalArgumentException(
					this.table + ": " + values.length + " values for " + this.columns.length + " columns");
		}
		this.pending.add(values);
		if (this.pending.size() >= this.perStatement) {
			flush();
		}
	}

	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		this.before.run();
		try {
			PreparedStatement statement;
			boolean own = this.pending.size() != this.perStatement;
			if (own) {
				statement = this.connection.prepareStatement(sql(this.pending.size()));
			}
			else {
				if (this.full == null) {
					this.full = this.connection.prepareStatement(sql(this.perStatement));
				}
				statement = this.full;
			}
			int index = 1;
			for (Object[] row : this.pending) {
				for (Object value : row) {
					statement.setObject(index++, value);
				}
			}
			statement.executeUpdate();
			if (own) {
				statement.close();
			}
			this.written += this.pending.size();
			this.pending.clear();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write rows of " + this.table, ex);
		}
	}

	long written() {
		return this.written + this.pending.size();
	}

	String table() {
		return this.table;
	}

	void close() {
		flush();
		if (this.full != null) {
			try {
				this.full.close();
			}
			catch (SQLException ex) {
				// Nothing is left to write.
			}
		}
	}

	private String sql(int rows) {
		String one = "(" + "?,".repeat(this.columns.length - 1) + "?)";
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(this.table)
			.append(" (")
			.append(String.join(", ", this.columns))
			.append(") VALUES ");
		for (int i = 0; i < rows; i++) {
			sql.append((i == 0) ? "" : ",").append(one);
		}
		return sql.toString();
	}

}
