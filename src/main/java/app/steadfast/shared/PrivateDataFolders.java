package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Keeps what Steadfast writes to disk to the account that runs it: the folder of the
 * embedded H2 database and its files, the outbox and its {@code .eml} files (which hold
 * reset links), and the folders of the keyset and of the audit anchors. Folders become
 * {@code 700} as soon as the settings are known, before the database opens, so files the
 * database creates with the umask's permissions are never reachable by anyone else; once
 * the application is ready those files are made {@code 600} too. Registered in
 * {@code META-INF/spring.factories}, so it runs before any bean exists.
 */
class PrivateDataFolders implements SmartApplicationListener {

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationReadyEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			protect(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationReadyEvent ready) {
			protect(ready.getApplicationContext().getEnvironment());
		}
	}

	static void protect(Environment environment) {
		h2File(environment.getProperty("spring.datasource.url")).ifPresent((database) -> {
			Path folder = PrivateFiles.folder(database.getParent());
			String name = database.getFileName().toString();
			filesIn(folder, (file) -> file.getFileName().toString().startsWith(name + "."));
		});
		Path outbox = PrivateFiles.folder(Path.of(environment.getProperty("steadfast.mail.outbox", "./data/outbox")));
		filesIn(outbox, (file) -> file.getFileName().toString().endsWith(".eml"));
		for (String setting : new String[] { "steadfast.encryption.keyset-file", "steadfast.audit.anchor-file" }) {
			String file = environment.getProperty(setting);
			if (StringUtils.hasText(file)) {
				PrivateFiles.folder(Path.of(file).toAbsolutePath().getParent());
				PrivateFiles.file(Path.of(file));
			}
		}
	}

	/**
	 * The file an H2 URL names, without H2's {@code .mv.db}; empty for in-memory and
	 * server databases and for any other database.
	 */
	static Optional<Path> h2File(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String rest = url.substring("jdbc:h2:".length());
		int settings = rest.indexOf(';');
		String name = (settings >= 0) ? rest.substring(0, settings) : rest;
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.matches("^[a-z]{2,}:.*")) {
			// mem:, tcp:, ssl:, zip: and the other non-file forms.
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Optional.of(Path.of(name).toAbsolutePath().normalize());
	}

	private static void filesIn(Path folder, java.util.function.Predicate<Path> which) {
		try (Stream<Path> files = Files.list(folder)) {
			files.filter(Files::isRegularFile).filter(which).forEach(PrivateFiles::file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
