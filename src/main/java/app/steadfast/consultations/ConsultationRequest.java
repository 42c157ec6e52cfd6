package app.steadfast.consultations;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A request as the form checked it: clean text, at least one way to reach him, his
 * consent.
 *
 * @param name what to call him
 * @param email his address, if he gave one
 * @param phone his number, if he gave one
 * @param contactBy how he would like to be reached
 * @param times when it suits him
 * @param topics what he would like help with
 * @param message what he chose to tell, if anything
 */
record ConsultationRequest(String name, @Nullable String email, @Nullable String phone, ContactMethod contactBy,
		Set<PreferredTime> times, Set<Topic> topics, @Nullable String message) {

	ConsultationRequest {
		times = Set.copyOf(times);
		topics = Set.copyOf(topics);
	}

}
