package app.steadfast.shared;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps at most {@value #KEPT} one-time messages ("Saved.") waiting in a session. Each
 * form that redirects leaves one for the page it leads to; a browser reads it at once,
 * but a form sent again and again without following the redirect (a double click in many
 * tabs, a script) would pile them up for three minutes, and every request reads the whole
 * pile from the session store. Under load that pile grew to hundreds and made each
 * check-in save cost twice the CPU; the oldest messages beyond the newest ten are
 * dropped.
 */
@Component
class BoundedFlashMaps implements BeanPostProcessor {

	static final int KEPT = 10;

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(name)
				&& bean instanceof SessionFlashMapManager original && !(bean instanceof Manager)) {
			Manager bounded = new Manager();
			bounded.setFlashMapTimeout(original.getFlashMapTimeout());
			bounded.setUrlPathHelper(original.getUrlPathHelper());
			return bounded;
		}
		return bean;
	}

	/** The session's flash maps, newest last, cut to the newest {@value #KEPT}. */
	static class Manager extends SessionFlashMapManager {

		@Override
		protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
				HttpServletResponse response) {
			List<FlashMap> kept = (flashMaps.size() > KEPT)
					? new ArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size())) : flashMaps;
			super.updateFlashMaps(kept, request, response);
		}

	}

}
