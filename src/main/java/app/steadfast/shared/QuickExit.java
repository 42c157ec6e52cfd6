package app.steadfast.shared;

/**
 * Where the quick exit on a partner's pages leads: an ordinary site on another host that
 * draws no attention (a weather page, say). The module that knows the practice's safety
 * settings provides it; without one the exit ends on {@link QuickExitController#PATH}, a
 * plain page of this site that names nothing.
 */
public interface QuickExit {

	/**
	 * The address to leave for: an absolute http(s) address, or blank for the plain local
	 * page.
	 */
	String address();

	/**
	 * {@link #address()} as far as it is known without the database, for the pages shown
	 * while the database is away: as last read, else as configured.
	 */
	String addressWithoutDatabase();

}
