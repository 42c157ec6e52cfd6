package app.steadfast.conversations;

/**
 * What saving a plan or a talk gave back.
 *
 * @param <T> the kind of id
 * @param id the saved record
 * @param crisis whether his words call for crisis resources on the next page
 */
public record Receipt<T>(T id, boolean crisis) {
}
