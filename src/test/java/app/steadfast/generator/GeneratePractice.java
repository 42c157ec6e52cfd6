package app.steadfast.generator;

import app.steadfast.Steadfast;

import org.springframework.boot.SpringApplication;

/**
 * Starts the application with its own settings and arguments, writes the practice of
 * {@code steadfast.generate.seed} at {@code steadfast.generate.scale} into its database
 * and stops ({@link GeneratorConfiguration}). Run it with
 * {@code scripts/bench/generate.sh}, which puts the test classes on the class path: the
 * generator is not part of the application's jar.
 */
public final class GeneratePractice {

	private GeneratePractice() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(Steadfast.class, GeneratorConfiguration.class);
		application.setAdditionalProfiles("generate");
		application.run(args);
	}

}
