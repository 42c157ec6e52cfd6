package app.steadfast.safety;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The crisis panel the next page shows after someone wrote or answered something that
 * reads as risk: the crisis lines first, then one direct question that matches what was
 * found. A controller that saved such words sets the flash attribute {@value #SHOWN} to
 * true, as it always has; which kinds were found travels beside it as {@value #KINDS}
 * (their names, never the words). For text checked with
 * {@link RiskLanguage#checkAndReport} during a web request the safety module adds the
 * kinds itself; for anything else a controller calls {@link #showNext}.
 */
public final class CrisisPanel {

	/** The flash attribute that shows the panel on the next page. */
	public static final String SHOWN = "crisis";

	/** The flash attribute naming the kinds found, comma-separated. */
	public static final String KINDS = "crisisKinds";

	private CrisisPanel() {
	}

	/**
	 * Shows the panel on the page the redirect leads to, with the question for these
	 * kinds.
	 * @param kinds what was found; not empty
	 */
	public static void showNext(RedirectAttributes flash, Set<RiskKind> kinds) {
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("The panel is shown for at least one kind");
		}
		flash.addFlashAttribute(SHOWN, true);
		flash.addFlashAttribute(KINDS, write(kinds));
	}

	/**
	 * The kinds as the flash holds them: a plain string, so any session store keeps it.
	 */
	static String write(Set<RiskKind> kinds) {
		return kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	/** The kinds a flash value names; unknown names are left out. */
	static Set<RiskKind> read(@Nullable Object value) {
		Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
		if (value instanceof String names) {
			Arrays.stream(names.split(","))
				.filter((name) -> Arrays.stream(RiskKind.values()).anyMatch((k) -> k.name().equals(name)))
				.map(RiskKind::valueOf)
				.forEach(kinds::add);
		}
		return kinds;
	}

	/**
	 * The kind the one question asks about: suicide first, then harm to others, then
	 * self-harm (whose question is also about ending his life); a panel shown with no
	 * kinds asks about ending his life. Harm to others comes before self-harm so that
	 * words about hurting someone are not answered with a question about himself.
	 */
	static RiskKind askAbout(Set<RiskKind> kinds) {
		if (kinds.contains(RiskKind.SUICIDE)) {
			return RiskKind.SUICIDE;
		}
		if (kinds.contains(RiskKind.HARM_TO_OTHERS)) {
			return RiskKind.HARM_TO_OTHERS;
		}
		return kinds.contains(RiskKind.SELF_HARM) ? RiskKind.SELF_HARM : RiskKind.SUICIDE;
	}

	/** The direct question for a kind, as it is asked. */
	static String question(RiskKind kind) {
		return (kind == RiskKind.HARM_TO_OTHERS) ? "Are you thinking about hurting someone?"
				: "Are you thinking about ending your life?";
	}

	/**
	 * Puts the kinds of each detection made while a web request runs into that request's
	 * flash, beside the controller's {@value #SHOWN}. It runs when the detection is
	 * published, in the request's own thread, before the controller redirects.
	 */
	@Component
	static class KindsOfThisRequest {

		@EventListener
		void on(RiskLanguageDetected detected) {
			if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
				return;
			}
			HttpServletRequest request = attributes.getRequest();
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			if (flash == null) {
				return;
			}
			Set<RiskKind> kinds = read(flash.get(KINDS));
			kinds.addAll(detected.kinds());
			flash.put(KINDS, write(kinds));
		}

	}

	/**
	 * The panel as a page shows it.
	 *
	 * @param kind what the question asks about
	 * @param question the question
	 * @param back the page it is shown on, to come back to after a "no"
	 * @param resources the crisis lines
	 */
	record Question(RiskKind kind, String question, String back, CrisisResources.Resources resources) {

		Question {
			Objects.requireNonNull(kind, "kind");
		}

		/** Whether it asks about hurting someone else. */
		public boolean aboutOthers() {
			return this.kind == RiskKind.HARM_TO_OTHERS;
		}

	}

}
