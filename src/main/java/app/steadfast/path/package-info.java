/**
 * Owns her own path: a short sequence of practice-authored steps for the partner who was
 * hurt, each with an article of the library and one small exercise whose answer is kept,
 * sealed, in her journal; the admin edits the steps, and what she has done and wrote only
 * she sees. The steps ship as Markdown (content/partner-path); a step the admin edited
 * keeps his words, one he added is his from the start, and one he removed stays removed
 * (her answers to it stay in her journal).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Her path",
		allowedDependencies = { "shared", "library", "checkins" })
@org.jspecify.annotations.NullMarked
package app.steadfast.path;
