/**
 * Owns the practice's Markdown articles, and decides which are published and at what
 * address (a renamed one keeps its old address as a redirect). Everyone reads the
 * published ones (list, tag, search, feed and sitemap pages); the admin edits them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package app.steadfast.library;
