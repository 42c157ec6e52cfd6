package app.steadfast.shared;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded database's folder and files, the outbox and the keyset are the running
 * account's alone, whatever the umask (this JVM's is usually 022, which makes new files
 * 644 and folders 755).
 */
class PrivateDataFoldersTests {

	@TempDir
	Path home;

	@BeforeEach
	void posix() {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
				"permissions are POSIX ones");
	}

	@Test
	void theDataFolderIsMadePrivateBeforeTheDatabaseOpensAndItsFilesOnceItIsOpen() throws Exception {
		Path data = this.home.resolve("data");
		String url = "jdbc:h2:file:" + data.resolve("steadfast") + ";MODE=PostgreSQL;WRITE_DELAY=0";
		StandardEnvironment environment = environment(url, data);

		new PrivateDataFolders().onApplicationEvent(
				new ApplicationEnvironmentPreparedEvent(null, new SpringApplication(), new String[0], environment));
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(data.resolve("outbox"))).isEqualTo("rwx------");

		// H2 creates its file with the umask's permissions; the folder keeps others out.
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			connection.createStatement().execute("CREATE TABLE t (id INT)");
		}
		Path file = data.resolve("steadfast.mv.db");
		assertThat(file).exists();
		PrivateDataFolders.protect(environment);
		assertThat(permissions(file)).isEqualTo("rw-------");
	}

	@Test
	void anExistingInstallationWithOpenFoldersAndFilesIsClosedAtStart() throws Exception {
		Path data = Files.createDirectories(this.home.resolve("data"));
		Path outbox = Files.createDirectories(data.resolve("outbox"));
		Path database = Files.writeString(data.resolve("steadfast.mv.db"), "x");
		Path mail = Files.writeString(outbox.resolve("20261127T100000000Z-reset.eml"), "a reset link");
		Path keyset = Files.writeString(data.resolve("keyset.json"), "{}");
		for (Path path : new Path[] { data, outbox }) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		for (Path path : new Path[] { database, mail, keyset }) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
		}

		PrivateDataFolders.protect(environment("jdbc:h2:" + data.resolve("steadfast") + ";MODE=PostgreSQL", data));

		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(outbox)).isEqualTo("rwx------");
		assertThat(permissions(database)).isEqualTo("rw-------");
		assertThat(permissions(mail)).isEqualTo("rw-------");
		assertThat(permissions(keyset)).isEqualTo("rw-------");
	}

	@Test
	void itRunsAtEveryStartBeforeAnyBean() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.anyMatch(PrivateDataFolders.class::isInstance);
	}

	@Test
	void onlyFileDatabasesOfH2HaveAFile() {
		assertThat(PrivateDataFolders.h2File("jdbc:h2:file:./data/steadfast;MODE=PostgreSQL"))
			.contains(Path.of("data/steadfast").toAbsolutePath());
		assertThat(PrivateDataFolders.h2File("jdbc:h2:./data/steadfast"))
			.contains(Path.of("data/steadfast").toAbsolutePath());
		assertThat(PrivateDataFolders.h2File("jdbc:h2:mem:steadfast;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(PrivateDataFolders.h2File("jdbc:h2:tcp://localhost/steadfast")).isEmpty();
		assertThat(PrivateDataFolders.h2File("jdbc:postgresql://localhost/steadfast")).isEmpty();
	}

	private static StandardEnvironment environment(String url, Path data) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", url, "steadfast.mail.outbox", data.resolve("outbox").toString(),
							"steadfast.encryption.keyset-file", data.resolve("keyset.json").toString())));
		return environment;
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
