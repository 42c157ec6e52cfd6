package app.steadfast.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key an annotation names is in {@code messages.properties}, and no
 * annotation carries its words inline: the words of the forms stay in one file.
 */
class MessagesTests {

	private static final Pattern MESSAGE = Pattern.compile("message\\s*=\\s*\"([^\"]*)\"");

	@Test
	void everyAnnotationNamesAKeyOfTheMessagesFile() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> inline = new TreeSet<>();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher found = MESSAGE.matcher(Files.readString(file));
				while (found.find()) {
					String message = found.group(1);
					if (!message.startsWith("{") || !message.endsWith("}")) {
						inline.add(file.getFileName() + ": " + message);
					}
					else if (!messages.containsKey(message.substring(1, message.length() - 1))) {
						missing.add(file.getFileName() + ": " + message);
					}
				}
			}
		}
		assertThat(missing).as("keys missing from messages.properties").isEmpty();
		assertThat(inline).as("messages written inline").isEmpty();
	}

}
