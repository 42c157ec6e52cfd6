package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.List;

/**
 * How his talks went over time, for the chart and its table.
 *
 * @param talks every talk, oldest first
 * @param perTopic talks per topic, most first
 */
public record Patterns(List<Point> talks, List<TopicCount> perTopic) {

	/**
	 * One talk on the chart.
	 *
	 * @param on its day
	 * @param defensiveness 1 to 5
	 * @param topicName its topic
	 * @param escalation whether it escalated
	 */
	public record Point(LocalDate on, int defensiveness, String topicName, Escalation escalation) {
	}

	/**
	 * Talks on one topic.
	 *
	 * @param name the topic's current name
	 * @param talks how many
	 * @param averageDefensiveness their average defensiveness, one decimal
	 */
	public record TopicCount(String name, int talks, double averageDefensiveness) {
	}

	/** The most talks on one topic, for scaling bars. */
	public int mostTalks() {
		return this.perTopic.stream().mapToInt(TopicCount::talks).max().orElse(0);
	}

}
