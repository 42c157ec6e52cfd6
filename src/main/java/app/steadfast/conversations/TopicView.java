package app.steadfast.conversations;

import java.util.List;

/**
 * One of his topics, as he sees it on his list.
 *
 * @param id the topic
 * @param name its current name
 * @param earlierNames the names it had before, newest first
 * @param merged the names of topics he merged into it
 * @param talks how many talks are logged on it, merged ones included
 */
public record TopicView(TopicId id, String name, List<String> earlierNames, List<String> merged, int talks) {
}
