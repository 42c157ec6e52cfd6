package app.steadfast.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the articles shipped with the app (content/articles/*.md) into an empty library
 * at first start. From then on they live in the database and the admin edits them there;
 * a restart never overwrites an edit or brings back a deleted article. Runs before any
 * other start-up work (the practice generator adds its own articles to a library that
 * must already hold these).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedArticles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedArticles.class);

	private final Articles articles;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ShippedArticles(Articles articles, TransactionTemplate transactions, Clock clock) {
		this.articles = articles;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.articles.count() > 0) {
			return;
		}
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath:content/articles/*.md");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<FrontMatter.Parsed> shipped = new ArrayList<>();
			for (Resource file : files) {
				shipped.add(FrontMatter.parse(file.getContentAsString(StandardCharsets.UTF_8)));
			}
			Integer loaded = this.transactions.execute((status) -> {
				for (FrontMatter.Parsed parsed : shipped) {
					Article article = Article.draft(parsed.content(), this.clock.instant());
					article.publish(parsed.published(), this.clock.instant());
					this.articles.save(article);
				}
				return shipped.size();
			});
			log.info("Loaded {} shipped articles into the library", loaded);
		}
		catch (DataIntegrityViolationException ex) {
			// Another node loaded them at the same moment; its copy stands.
			log.info("The shipped articles were loaded by another node");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
