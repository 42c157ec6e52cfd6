package app.steadfast.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the articles shipped with the app (content/articles/*.md) into the library: all
 * of them at first start, and at a later start those a new release added. From then on
 * they live in the database and the admin edits them there; a restart never overwrites an
 * edit or brings back an article once taken in (renamed, or its address given to
 * another). Runs before any other start-up work (the practice generator adds its own
 * articles to a library that must already hold these).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedArticles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedArticles.class);

	private final Articles articles;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JdbcClient jdbc;

	ShippedArticles(Articles articles, TransactionTemplate transactions, Clock clock, JdbcClient jdbc) {
		this.articles = articles;
		this.transactions = transactions;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		load("classpath:content/articles/*.md");
	}

	/** Takes in the articles at the location that the library has not taken in before. */
	void load(String location) {
		try {
			Set<String> taken = new HashSet<>(
					this.jdbc.sql("SELECT slug FROM shipped_article").query(String.class).list());
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<FrontMatter.Parsed> shipped = new ArrayList<>();
			for (Resource file : files) {
				FrontMatter.Parsed parsed = FrontMatter.parse(file.getContentAsString(StandardCharsets.UTF_8));
				if (!taken.contains(parsed.content().slug())) {
					shipped.add(parsed);
				}
			}
			if (shipped.isEmpty()) {
				return;
			}
			Integer loaded = this.transactions.execute((status) -> {
				int added = 0;
				for (FrontMatter.Parsed parsed : shipped) {
					// An article of the admin's already at this address keeps it.
					if (this.articles.findBySlug(parsed.content().slug()).isEmpty()) {
						Article article = Article.draft(parsed.content(), this.clock.instant());
						article.publish(parsed.published(), this.clock.instant());
						this.articles.save(article);
						added++;
					}
					this.jdbc.sql("INSERT INTO shipped_article (slug, loaded_at) VALUES (:slug, :at)")
						.param("slug", parsed.content().slug())
						.param("at", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
						.update();
				}
				return added;
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
