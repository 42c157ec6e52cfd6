package app.steadfast.couple;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One quiet signal the partner sent: no words, only that it was hard right then.
 *
 * @param id the signal
 * @param sentAt when she sent it
 * @param seen whether he has opened the page it points to
 * @param partnersAnswer whether it helped, as she says; {@code null} before she answers
 * @param clientsAnswer whether it helped, as he says; {@code null} before he answers, and
 * on her view whenever his side is not shown to her
 */
public record QuietSignal(UUID id, Instant sentAt, boolean seen, @Nullable Helped partnersAnswer,
		@Nullable Helped clientsAnswer) {
}
