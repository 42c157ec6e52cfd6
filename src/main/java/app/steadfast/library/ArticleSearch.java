package app.steadfast.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranked full-text search over titles, summaries, tags and bodies. A word in the query
 * matches words that start with it ("trust" finds "trusted"); every word must match
 * somewhere. Matches in the title count most, then summary and tags, then each match in
 * the body.
 */
final class ArticleSearch {

	static final int MAX_TERMS = 8;

	private ArticleSearch() {
	}

	static List<String> terms(String query) {
		if (query == null) {
			return List.of();
		}
		return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((term) -> term.length() >= 2)
			.distinct()
			.limit(MAX_TERMS)
			.toList();
	}

	static List<SearchHit> search(List<Article> articles, String query) {
		List<String> terms = terms(query);
		if (terms.isEmpty()) {
			return List.of();
		}
		List<SearchHit> hits = new ArrayList<>();
		for (Article article : articles) {
			ArticleContent content = article.content();
			String plain = Markdown.plainText(content.body());
			int score = 0;
			boolean all = true;
			for (String term : terms) {
				Pattern word = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(term));
				int title = count(word, content.title());
				int summary = count(word, content.summary()) + count(word, String.join(" ", content.tags()));
				int body = Math.min(count(word, plain), 10);
				if (title + summary + body == 0) {
					all = false;
					break;
				}
				score += title * 10 + summary * 4 + body;
			}
			if (all) {
				hits.add(new SearchHit(article.summary(), score, excerpt(plain, terms.get(0))));
			}
		}
		hits.sort(Comparator.comparingInt(SearchHit::score)
			.reversed()
			.thenComparing((hit) -> hit.article().publishedOn(), Comparator.nullsLast(Comparator.reverseOrder())));
		return hits;
	}

	private static int count(Pattern word, String text) {
		Matcher matcher = word.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static String excerpt(String plain, String term) {
		String text = plain.replaceAll("\\s+", " ").strip();
		int at = text.toLowerCase(Locale.ROOT).indexOf(term);
		if (at < 0) {
			return text.substring(0, Math.min(text.length(), 200));
		}
		int sentence = text.lastIndexOf(". ", at);
		int start = (sentence < 0) ? 0 : sentence + 2;
		if (at - start > 160) {
			start = at - 80;
		}
		int end = Math.min(text.length(), start + 220);
		return ((start > 0) ? "…" : "") + text.substring(start, end).strip() + ((end < text.length()) ? "…" : "");
	}

}
