package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Where the keyset comes from: the {@code steadfast.encryption.keyset} value (JSON, for
 * production secrets), else the file named by {@code steadfast.encryption.keyset-file}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionConfiguration.EncryptionSettings.class)
class EncryptionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

	@ConfigurationProperties("steadfast.encryption")
	record EncryptionSettings(String keyset, String keysetFile, boolean generateIfMissing, boolean rotate) {
	}

	@Bean
	Encryption encryption(EncryptionSettings settings) {
		if (StringUtils.hasText(settings.keyset())) {
			return new Encryption(settings.keyset());
		}
		if (!StringUtils.hasText(settings.keysetFile())) {
			throw new IllegalStateException(
					"No encryption keyset: set steadfast.encryption.keyset or steadfast.encryption.keyset-file");
		}
		Path file = Path.of(settings.keysetFile());
		if (settings.rotate()) {
			rotate(file);
		}
		return new Encryption(Encryption.readKeysetFile(file, settings.generateIfMissing()));
	}

	/** Logs which keys are in use (their ids, never the keys). */
	@Bean
	ApplicationRunner encryptionReport(Encryption encryption) {
		return (args) -> log.info("Encryption at rest: AES-256-GCM, key ids {} (first is primary)",
				encryption.keyIds());
	}

	private static void rotate(Path file) {
		try {
			String rotated = Encryption.rotate(Encryption.readKeysetFile(file, false));
			Encryption.writeKeysetFile(file, rotated);
			log.info("Encryption keyset at {} rotated: a new primary key seals from now on", file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
