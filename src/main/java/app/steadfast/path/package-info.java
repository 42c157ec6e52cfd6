/**
 * Her own path: a short sequence of practice-authored steps for the partner who was hurt,
 * each with an article of the library and one small exercise whose answer is kept,
 * sealed, in her journal. The steps ship as Markdown (content/partner-path) and the admin
 * edits them; what she has done, and what she wrote, only she sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Her path",
		allowedDependencies = { "shared", "library", "checkins" })
@org.jspecify.annotations.NullMarked
package app.steadfast.path;
