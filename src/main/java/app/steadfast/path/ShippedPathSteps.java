package app.steadfast.path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.steadfast.library.FrontMatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the steps of her path shipped with the app (content/partner-path/*.md) at every
 * start: a new step is added, a step the admin never edited takes the shipped text, and a
 * step he edited keeps his words.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShippedPathSteps implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedPathSteps.class);

	static final String FILES = "classpath:content/partner-path/*.md";

	private final PathSteps steps;

	private final TransactionTemplate transactions;

	ShippedPathSteps(PathSteps steps, TransactionTemplate transactions) {
		this.steps = steps;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<StepText> shipped = shipped();
		try {
			Integer changed = this.transactions.execute((status) -> {
				int count = 0;
				for (StepText text : shipped) {
					PathStep step = this.steps.findById(text.key()).orElse(null);
					if (step == null) {
						this.steps.save(PathStep.shipped(text));
						count++;
					}
					else if (step.follow(text)) {
						this.steps.save(step);
						count++;
					}
				}
				return count;
			});
			if (changed != null && changed > 0) {
				log.info("Loaded {} shipped steps of the partner's path", changed);
			}
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// Another node loaded them at the same moment; its copy stands.
			log.info("The shipped steps of the partner's path were loaded by another node");
		}
	}

	/** The shipped steps, as their files say. */
	static List<StepText> shipped() {
		try {
			List<StepText> steps = new ArrayList<>();
			for (Resource file : new PathMatchingResourcePatternResolver().getResources(FILES)) {
				steps.add(parse(file.getContentAsString(StandardCharsets.UTF_8)));
			}
			return steps;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static StepText parse(String file) {
		FrontMatter.Block block = FrontMatter.read(file);
		Map<String, String> values = block.values();
		return new StepText(required(values, "key"), Integer.parseInt(required(values, "order")),
				required(values, "title"), required(values, "article"), required(values, "prompt"), block.body());
	}

	private static String required(Map<String, String> values, String key) {
		String value = values.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A step of the partner's path needs " + key);
		}
		return value;
	}

}
