package app.steadfast.safety;

import java.util.List;
import java.util.Map;

import app.steadfast.shared.PracticeSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

/**
 * The crisis resources of the practice's locale: as the admin wrote them in the practice
 * settings, else as configured with {@code steadfast.safety.lines.<locale>[n].*}, else
 * Steadfast's built-in lines for that locale (the United States and the United Kingdom),
 * else the United States'.
 */
@Service
@EnableConfigurationProperties(CrisisResources.SafetySettings.class)
public class CrisisResources {

	@ConfigurationProperties("steadfast.safety")
	record SafetySettings(Map<String, List<CrisisLine>> lines,
			@DefaultValue("https://www.weather.gov/") String quickExitUrl) {
	}

	static final Map<String, Resources> BUILT_IN = Map.of("en-US", new Resources(
			new CrisisLine("Emergency services", "Call 911", "tel:911",
					"If you or someone else is in immediate danger, or someone is hurt."),
			List.of(new CrisisLine("988 Suicide & Crisis Lifeline", "Call or text 988", "tel:988",
					"If you're thinking about ending your life, or you're afraid you might act on what you feel. Free, confidential, any hour."),
					new CrisisLine("National Domestic Violence Hotline", "Call 1-800-799-7233 or text START to 88788",
							"tel:+18007997233",
							"If you feel afraid of someone at home, or you're worried you might hurt someone. Any hour."),
					new CrisisLine("Crisis Text Line", "Text HOME to 741741", "sms:741741",
							"If talking out loud feels like too much right now."))),
			"en-GB",
			new Resources(
					new CrisisLine("Emergency services", "Call 999", "tel:999",
							"If you or someone else is in immediate danger, or someone is hurt."),
					List.of(new CrisisLine("Samaritans", "Call 116 123", "tel:116123",
							"If you're thinking about ending your life, or you need someone to talk to right now. Free, any hour."),
							new CrisisLine("Shout", "Text SHOUT to 85258", "sms:85258",
									"If talking out loud feels like too much right now. Free, any hour."),
							new CrisisLine("National Domestic Abuse Helpline", "Call 0808 2000 247",
									"tel:+448082000247", "If you feel afraid of someone at home. Free, any hour."),
							new CrisisLine("Respect Phoneline", "Call 0808 802 4040", "tel:+448088024040",
									"If you're worried you might hurt someone you love, and you want to stop."))));

	/**
	 * A locale's resources.
	 *
	 * @param emergency the number for immediate danger
	 * @param lines the other lines, the most urgent first
	 */
	public record Resources(CrisisLine emergency, List<CrisisLine> lines) {

		/** The first line after emergency services: shown in every page's footer. */
		public CrisisLine primary() {
			return this.lines.get(0);
		}

	}

	private final Map<String, List<CrisisLine>> configuredLines;

	private final String quickExitUrl;

	private final PracticeSettings practice;

	CrisisResources(SafetySettings settings, PracticeSettings practice) {
		this.practice = practice;
		this.quickExitUrl = settings.quickExitUrl();
		this.configuredLines = (settings.lines() != null) ? Map.copyOf(settings.lines()) : Map.of();
	}

	/**
	 * {@link #quickExitUrl()} without reading the database: the admin's address as this
	 * node last read it, else the configured one. For pages shown while the database is
	 * away.
	 */
	public String quickExitUrlWithoutDatabase() {
		return this.practice.lastRead(PracticeSettings.QUICK_EXIT).orElse(this.quickExitUrl);
	}

	/** Where the quick-exit control leads: a neutral page on another site. */
	public String quickExitUrl() {
		return this.practice.get(PracticeSettings.QUICK_EXIT).orElse(this.quickExitUrl);
	}

	/**
	 * The resources for this deployment: as the admin set them, else the configured ones.
	 */
	public Resources current() {
		return this.practice.get(PracticeSettings.CRISIS_LINES)
			.map(CrisisResources::parse)
			.orElseGet(() -> forLocale(this.practice.current().locale()).orElseGet(() -> BUILT_IN.get("en-US")));
	}

	/**
	 * A locale's resources before any admin change: as configured, else built in; empty
	 * where Steadfast knows none for it.
	 */
	public java.util.Optional<Resources> forLocale(String locale) {
		List<CrisisLine> configured = this.configuredLines.get(locale);
		Resources builtIn = BUILT_IN.get(locale);
		if (configured != null && !configured.isEmpty()) {
			// The first configured line is the emergency number, the rest follow in
			// order;
			// an emergency number alone keeps the built-in lines after it.
			List<CrisisLine> rest = List.copyOf(configured.subList(1, configured.size()));
			if (rest.isEmpty()) {
				rest = ((builtIn != null) ? builtIn : BUILT_IN.get("en-US")).lines();
			}
			return java.util.Optional.of(new Resources(configured.get(0), rest));
		}
		return java.util.Optional.ofNullable(builtIn);
	}

	/**
	 * Reads crisis lines written one per line as {@code name | what to do | link | when};
	 * the first is the emergency number, and at least one more must follow.
	 * @throws IllegalArgumentException naming the line that cannot be read
	 */
	public static Resources parse(String text) {
		List<CrisisLine> lines = new java.util.ArrayList<>();
		String[] rows = text.strip().split("\\R");
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].isBlank()) {
				continue;
			}
			String[] parts = rows[i].split("\\|", -1);
			if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
				throw new IllegalArgumentException(
						"Line " + (i + 1) + " needs four parts: name | what to do | link | when to use it.");
			}
			String href = parts[2].strip();
			if (!href.matches("(tel:\\+?[0-9]{2,15}|sms:\\+?[0-9]{2,15}|https://[^\\s<>\"]+)")) {
				throw new IllegalArgumentException(
						"Line " + (i + 1) + ": the link must be tel: or sms: with digits, or an https:// address.");
			}
			lines.add(new CrisisLine(parts[0].strip(), parts[1].strip(), href, parts[3].strip()));
		}
		if (lines.size() < 2) {
			throw new IllegalArgumentException("Give the emergency number first, then at least one crisis line.");
		}
		return new Resources(lines.get(0), List.copyOf(lines.subList(1, lines.size())));
	}

	/** Writes resources in the form {@link #parse} reads. */
	public static String format(Resources resources) {
		List<CrisisLine> all = new java.util.ArrayList<>();
		all.add(resources.emergency());
		all.addAll(resources.lines());
		return all.stream()
			.map((l) -> String.join(" | ", l.name(), l.contact(), l.href(), l.when()))
			.collect(java.util.stream.Collectors.joining("\n"));
	}

}
