package app.steadfast.checkins;

/**
 * One word of a check-in; the first of the list is the primary feeling.
 *
 * @param word the word, from the vocabulary
 */
record CheckInWord(String word) {
}
