package app.steadfast.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice this deployment serves.
 *
 * @param name the practice's name, shown in the layout and emails
 * @param baseUrl the address people use to reach it, for links in emails
 * @param zone the time zone dates and times are shown in
 * @param locale the practice's locale as a language tag (one of
 * {@link PracticeSettings#LOCALES}): the language pages declare, and which built-in
 * crisis lines apply
 */
@ConfigurationProperties("steadfast.practice")
public record Practice(@DefaultValue("Madrega Wellness") String name,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("UTC") java.time.ZoneId zone,
		@DefaultValue("en-US") String locale) {
}
