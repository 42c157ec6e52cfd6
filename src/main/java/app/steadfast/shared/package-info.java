/**
 * The kernel every module may use: the layout, the security composition, encryption at
 * rest, outgoing mail, the clock and errors. No business logic lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package app.steadfast.shared;
