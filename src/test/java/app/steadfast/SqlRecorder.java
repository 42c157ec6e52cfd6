package app.steadfast;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements the current thread sends while it is asked to, with the
 * values bound to them: a {@link java.lang.reflect.Proxy} around the application's
 * {@link DataSource} and the connections and statements it hands out. Import it with
 * {@code @Import(SqlRecorder.Configuration.class)} and autowire {@link SqlRecorder}.
 * <p>
 * Only the recording thread counts (MockMvc runs a request on the test's thread), so work
 * of asynchronous listeners and scheduled jobs never blurs a page's figure.
 */
public final class SqlRecorder {

	/**
	 * One statement as it was executed.
	 *
	 * @param sql its text
	 * @param parameters the values bound, by position (1-based), for the last execution
	 */
	public record Executed(String sql, Map<Integer, Object> parameters) {
	}

	private final ThreadLocal<List<Executed>> recording = new ThreadLocal<>();

	/** Runs the work and returns every statement this thread executed meanwhile. */
	public List<Executed> during(Runnable work) {
		return during(() -> {
			work.run();
			return null;
		}).statements();
	}

	/** Runs the work and returns its result with the statements this thread executed. */
	public <T> Recorded<T> during(Supplier<T> work) {
		List<Executed> statements = new ArrayList<>();
		this.recording.set(statements);
		try {
			T result = work.get();
			return new Recorded<>(result, List.copyOf(statements));
		}
		finally {
			this.recording.remove();
		}
	}

	/**
	 * A result and the statements that produced it.
	 *
	 * @param result what the work returned
	 * @param statements the statements, in order
	 */
	public record Recorded<T>(T result, List<Executed> statements) {
	}

	DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					Object result = invoke(target, method, args);
					if (result instanceof Connection connection) {
						return connection(connection);
					}
					return result;
				});
	}

	private Connection connection(Connection target) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(target, method, args);
					if (result instanceof java.sql.CallableStatement statement && args != null
							&& args[0] instanceof String sql) {
						return statement(statement, java.sql.CallableStatement.class, sql);
					}
					if (result instanceof PreparedStatement statement && args != null
							&& args[0] instanceof String sql) {
						return statement(statement, PreparedStatement.class, sql);
					}
					if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
						return statement(statement, Statement.class, null);
					}
					return result;
				});
	}

	private Object statement(Statement target, Class<?> type, String preparedSql) {
		Map<Integer, Object> parameters = new TreeMap<>();
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
					&& PreparedStatement.class.isAssignableFrom(method.getDeclaringClass())) {
				parameters.put(index, name.equals("setNull") ? null : args[1]);
			}
			if (name.startsWith("execute")) {
				List<Executed> statements = this.recording.get();
				if (statements != null) {
					String sql = (preparedSql != null) ? preparedSql
							: (args != null && args.length > 0 && args[0] instanceof String s) ? s : "(batch)";
					statements.add(new Executed(sql, new TreeMap<>(parameters)));
				}
			}
			return invoke(target, method, args);
		};
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** Puts the recorder around the application's DataSource. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static SqlRecorder sqlRecorder() {
			return new SqlRecorder();
		}

		@Bean
		static BeanPostProcessor sqlRecordingDataSource(
				org.springframework.beans.factory.ObjectProvider<SqlRecorder> recorder) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource) {
						return recorder.getObject().wrap(dataSource);
					}
					return bean;
				}
			};
		}

	}

}
