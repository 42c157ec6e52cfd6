package app.steadfast.demo;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * With the demo profile only: the clock every module reads becomes one that the demo's
 * history can set back on its own thread (and only there).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

	@Bean
	@Primary
	DemoClock demoClock() {
		return new DemoClock(Clock.systemUTC());
	}

}
