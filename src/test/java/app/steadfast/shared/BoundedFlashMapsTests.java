package app.steadfast.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session holds at most ten one-time messages: sending a form again and again without
 * following its redirect keeps the newest ten, and the page a redirect leads to still
 * finds its own message.
 */
class BoundedFlashMapsTests {

	private static final String SESSION_KEY = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	@Test
	void aSessionKeepsTheNewestTenMessages() {
		BoundedFlashMaps.Manager manager = (BoundedFlashMaps.Manager) new BoundedFlashMaps()
			.postProcessAfterInitialization(new SessionFlashMapManager(), "flashMapManager");
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/checkins/new");
		for (int i = 1; i <= 25; i++) {
			FlashMap flash = new FlashMap();
			flash.put("saved", "Saved " + i);
			flash.setTargetRequestPath("/checkins");
			manager.saveOutputFlashMap(flash, post, new MockHttpServletResponse());
		}
		@SuppressWarnings("unchecked")
		List<FlashMap> kept = (List<FlashMap>) post.getSession().getAttribute(SESSION_KEY);
		assertThat(kept).hasSize(BoundedFlashMaps.KEPT);
		assertThat(kept.get(kept.size() - 1).get("saved")).isEqualTo("Saved 25");
		assertThat(kept.get(0).get("saved")).isEqualTo("Saved 16");

		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/checkins");
		get.setSession(post.getSession());
		FlashMap found = manager.retrieveAndUpdate(get, new MockHttpServletResponse());
		assertThat((Object) found).isNotNull();
		assertThat(found.get("saved")).isIn("Saved 16", "Saved 25");
	}

	@Test
	void onlyTheDispatchersManagerIsReplaced() {
		SessionFlashMapManager other = new SessionFlashMapManager();
		assertThat(new BoundedFlashMaps().postProcessAfterInitialization(other, "somethingElse")).isSameAs(other);
		assertThat(new BoundedFlashMaps().postProcessAfterInitialization(other, "flashMapManager"))
			.isInstanceOf(BoundedFlashMaps.Manager.class);
	}

}
