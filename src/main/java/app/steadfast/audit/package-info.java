/**
 * Owns the append-only, hash-chained log of security events and of every read of another
 * person's data, and decides whether that log is still intact. It knows no other module:
 * callers describe events with ids and short codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package app.steadfast.audit;
