package app.steadfast.generator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import app.steadfast.Steadfast;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator is a tool for measuring, not part of the product: the production classes
 * (target/classes, which the jar's BOOT-INF/classes is made of) hold nothing of its
 * package, the generator the tests use is loaded from elsewhere, and Spring Modulith does
 * not count it among the application's modules.
 */
class GeneratorOutsideTheProductTests {

	@Test
	void theProductionClassesHoldNoGeneratorClass() throws IOException, URISyntaxException {
		Path production = locationOf(Steadfast.class);
		assertThat(production.resolve("app/steadfast/Steadfast.class")).isRegularFile();
		try (Stream<Path> files = Files.walk(production)) {
			// Files only: a build from before the move may leave the package's folder
			// behind, empty, until mvn clean.
			List<String> generator = files.filter(Files::isRegularFile)
				.map((file) -> production.relativize(file).toString().replace('\\', '/'))
				.filter((name) -> name.startsWith("app/steadfast/generator/"))
				.toList();
			assertThat(generator).isEmpty();
		}
		assertThat(locationOf(PracticeGenerator.class)).isNotEqualTo(production);
	}

	@Test
	void springModulithCountsNoGeneratorModule() {
		assertThat(ApplicationModules.of(Steadfast.class).getModuleByName("generator")).isEmpty();
	}

	private static Path locationOf(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
