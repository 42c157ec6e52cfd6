package app.steadfast.sharing;

import java.util.UUID;

/**
 * Words travel again between a couple after her safety pause: what the author wrote to
 * the recipient while it held (her questions, her requests), kept until now, is to be
 * sent now, as if written at this moment. Published inside the transaction that ends the
 * pause, so the modules that keep such words send them in that same transaction.
 *
 * @param author who wrote them (the partner)
 * @param recipient who they were written to (the client)
 */
public record HeldWordsReleased(UUID author, UUID recipient) {
}
