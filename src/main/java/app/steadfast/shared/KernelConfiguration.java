package app.steadfast.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads time from, so tests can fix it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ Postbox.MailSettings.class, Practice.class })
class KernelConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
