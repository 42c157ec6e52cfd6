package app.steadfast.conversations;

import java.time.Instant;
import java.util.Set;

/**
 * A plan he made before a talk.
 *
 * @param id the plan
 * @param topic the topic tag
 * @param topicName the tag's current name
 * @param about what the talk is about, in his words
 * @param mayNeed what his partner may need to hear from him, or {@code null}
 * @param wontSay the defensive moves he will not make
 * @param wontSayOther anything else he will not say, or {@code null}
 * @param validation one sentence of validation he can use
 * @param createdAt when he made it
 */
public record PlanView(PlanId id, TopicId topic, String topicName, String about, String mayNeed,
		Set<DefensiveMove> wontSay, String wontSayOther, String validation, Instant createdAt) {
}
