package app.steadfast.consultations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice's booking rules ({@code steadfast.booking.*}).
 *
 * @param sessionLength how long a session lasts
 * @param buffer the least time kept free between two appointments of one therapist
 * @param notice how long before its start an appointment may still be booked, moved or
 * cancelled online (later, he writes to his therapist)
 * @param horizon how far ahead open times are offered
 * @param videoRoom the practice's meeting-room address, for therapists who keep none of
 * their own; empty for none
 * @param linkOpens how long before the start the video link is shown
 */
@ConfigurationProperties("steadfast.booking")
record BookingSettings(@DefaultValue("50m") Duration sessionLength, @DefaultValue("10m") Duration buffer,
		@DefaultValue("24h") Duration notice, @DefaultValue("21d") Duration horizon, @DefaultValue("") String videoRoom,
		@DefaultValue("15m") Duration linkOpens) {
}
