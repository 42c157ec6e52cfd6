/**
 * The public article library: practice-authored Markdown articles, their list, tag,
 * search, feed and sitemap pages, and the admin's editor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library", allowedDependencies = "shared")
package app.steadfast.library;
