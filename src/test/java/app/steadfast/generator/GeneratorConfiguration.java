package app.steadfast.generator;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.Practice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With the {@code generate} profile (which {@link GeneratePractice} adds), writes the
 * practice of {@code steadfast.generate.seed} at {@code steadfast.generate.scale} once
 * the application has started (schema migrated), then stops the application unless
 * {@code steadfast.generate.exit=false}. The profile also keeps it out of every test's
 * application context, which finds it when scanning the test classes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("generate")
@EnableConfigurationProperties(GeneratorConfiguration.GenerateSettings.class)
class GeneratorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GeneratorConfiguration.class);

	/**
	 * @param seed decides every person and record
	 * @param scale 1 = 1,000 clients
	 * @param exit stop the application when done
	 */
	@ConfigurationProperties("steadfast.generate")
	record GenerateSettings(@DefaultValue("42") long seed, @DefaultValue("1.0") double scale,
			@DefaultValue("true") boolean exit) {
	}

	/**
	 * Runs last, after the shipped articles were loaded into the empty library (they
	 * would not load into a library the generator filled first).
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ApplicationRunner practiceGeneratorRunner(DataSource dataSource, PlatformTransactionManager transactions,
			ArticleManagement library, Encryption encryption, PasswordEncoder passwords, Practice practice, Clock clock,
			GenerateSettings settings, ApplicationContext context) {
		return (arguments) -> {
			PracticeGenerator generator = new PracticeGenerator(dataSource, transactions, library, encryption,
					passwords.encode(PracticeGenerator.PASSWORD), practice.zone());
			LocalDate yesterday = LocalDate.now(clock.withZone(practice.zone())).minusDays(1);
			generator.generate(new PracticeGenerator.Plan(settings.seed(), settings.scale(), yesterday), log::info);
			if (settings.exit()) {
				System.exit(SpringApplication.exit(context, () -> 0));
			}
		};
	}

}
