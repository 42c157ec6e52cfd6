package app.steadfast.shared;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The app's static files, served from the folders they live in and nowhere else.
 * <p>
 * Spring Boot's default serves static files from {@code /**}. With a resource chain (the
 * webjars locator brings one), every link a page builds is then looked up as a possible
 * static file first, and a miss searches the whole classpath: measured under load, that
 * took 60% of the CPU of the home page. Here {@code spring.web.resources.add-mappings} is
 * off and only {@code /css/**}, {@code /js/**}, {@code /images/**} and
 * {@code /webjars/**} are static, so a link to a page costs one pattern match.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

	private static final String[] FOLDERS = { "css", "js", "images" };

	private final WebProperties.Resources resources;

	StaticFiles(WebProperties web) {
		this.resources = web.getResources();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			cached(registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/"));
		}
		cached(registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")).resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	private ResourceHandlerRegistration cached(ResourceHandlerRegistration registration) {
		Duration period = this.resources.getCache().getPeriod();
		CacheControl control = this.resources.getCache().getCachecontrol().toHttpCacheControl();
		if (control != null) {
			registration.setCacheControl(control);
		}
		else if (period != null) {
			registration.setCacheControl(CacheControl.maxAge(period));
		}
		return registration;
	}

}
