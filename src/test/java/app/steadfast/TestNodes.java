package app.steadfast;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Whole application nodes, web included, on free ports, sharing one test database: for
 * proving that what must happen once in a cluster happens once.
 */
public final class TestNodes {

	private TestNodes() {
	}

	/**
	 * Starts a node.
	 * @param database the shared test database's name (see {@link TestDatabases})
	 * @param name the node's scheduler name
	 * @param scheduler whether the node runs scheduled jobs itself, or the test drives
	 * them
	 * @param extra further configuration classes, such as a job known only to the test
	 */
	public static ConfigurableApplicationContext start(String database, String name, boolean scheduler,
			Class<?>... extra) {
		return start(database, name, scheduler, Map.of(), extra);
	}

	/**
	 * Starts a node with some settings of its own over the test database's (another
	 * datasource address, say).
	 */
	public static ConfigurableApplicationContext start(String database, String name, boolean scheduler,
			Map<String, Object> settings, Class<?>... extra) {
		Map<String, Object> properties = new HashMap<>(TestDatabases.properties(database));
		properties.putAll(settings);
		properties.put("db-scheduler.scheduler-name", name);
		properties.put("db-scheduler.enabled", String.valueOf(scheduler));
		properties.put("server.port", "0");
		Class<?>[] sources = new Class<?>[extra.length + 1];
		sources[0] = Steadfast.class;
		System.arraycopy(extra, 0, sources, 1, extra.length);
		return new SpringApplicationBuilder(sources).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test-node-" + name, properties)))
			.run();
	}

	/** Stops the nodes that started. */
	public static void stop(ConfigurableApplicationContext... nodes) {
		for (ConfigurableApplicationContext node : nodes) {
			if (node != null) {
				node.close();
			}
		}
	}

}
