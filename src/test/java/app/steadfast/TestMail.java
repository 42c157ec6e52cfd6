package app.steadfast;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in-process, on the port every test context sends mail to.
 */
public final class TestMail {

	private TestMail() {
	}

	/** A fresh server for one test class; register it with {@code @RegisterExtension}. */
	public static GreenMailExtension smtpServer() {
		return new GreenMailExtension(new ServerSetup(TestDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

}
