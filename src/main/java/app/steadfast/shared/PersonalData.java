package app.steadfast.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A module's records written by or about one person, for the export of his own data.
 * Every module that keeps something a person wrote, or that is about them, declares one
 * bean; the export collects them all without knowing the modules.
 */
public interface PersonalData {

	/**
	 * The person's records in this module, by table name ("checkins", "journal"): each a
	 * list of records (Java records or maps) with the same fields. Words are opened: the
	 * export goes to the person himself. Nothing written by someone else goes in, except
	 * what that person chose to share with him.
	 */
	Map<String, List<?>> of(UUID person);

	/**
	 * Removes what this module keeps about the person that does not go with the account
	 * row by itself (rows without a cascading reference, or found by email), just before
	 * the account is deleted. Most modules need nothing here.
	 */
	default void erase(UUID person, String email) {
	}

}
