package app.steadfast.path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of her path shipped with the app: five or six, in a clear order, each
 * pointing to a shipped article and asking one question.
 */
class ShippedPathStepsTests {

	@Test
	void fiveOrSixStepsInOrderEachWithAShippedArticleAndOneQuestion() throws IOException {
		List<StepText> steps = ShippedPathSteps.shipped();
		assertThat(steps).hasSizeBetween(5, 6);
		assertThat(steps).extracting(StepText::position)
			.doesNotHaveDuplicates()
			.allSatisfy((p) -> assertThat(p).isPositive());
		assertThat(steps).extracting(StepText::key).doesNotHaveDuplicates();
		List<String> articles = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:content/articles/*.md")) {
			articles.add(app.steadfast.library.FrontMatter.read(file.getContentAsString(StandardCharsets.UTF_8))
				.values()
				.get("slug"));
		}
		for (StepText step : steps) {
			assertThat(articles).as(step.key() + " article").contains(step.articleSlug());
			assertThat(step.prompt()).as(step.key() + " prompt").contains("?").hasSizeLessThanOrEqualTo(1000);
			assertThat(step.key()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(step.body()).as(step.key() + " has no raw HTML").doesNotContainPattern("<[a-zA-Z/]");
			assertThat(step.body().toLowerCase(java.util.Locale.ROOT)).as(step.key() + " assumes no gender")
				.doesNotContainPattern("\\b(he|him|his|she|her|hers|husband|wife|boyfriend|girlfriend)\\b");
		}
	}

	@Test
	void aStepFileNeedsEveryField() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShippedPathSteps.parse("""
				---
				key: a-step
				order: 1
				title: A step
				---

				Text.
				""")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article");
	}

}
