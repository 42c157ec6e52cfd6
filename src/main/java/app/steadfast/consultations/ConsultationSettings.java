package app.steadfast.consultations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How the practice runs its free consultations ({@code steadfast.consultations.*}).
 *
 * @param notifyAddress ({@code steadfast.consultations.notify}) the practice's address
 * that hears of each new request (never its message)
 * @param maxPerAddress how many requests one network address may send within the window
 * @param window the period the limit counts over
 * @param length how long a consultation lasts in the calendar invitation
 * @param invitationLifetime how long a link to create a client account works
 */
@ConfigurationProperties("steadfast.consultations")
record ConsultationSettings(@Name("notify") @DefaultValue("consultations@localhost") String notifyAddress,
		@DefaultValue("5") int maxPerAddress, @DefaultValue("1h") Duration window, @DefaultValue("30m") Duration length,
		@DefaultValue("7d") Duration invitationLifetime) {
}
