package app.steadfast;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** One file of a person's data export, as the download holds it. */
public final class TestExports {

	private TestExports() {
	}

	/** The text of the named file in the export the signed-in person downloads. */
	public static String file(MockMvcTester mvc, RequestPostProcessor signedIn, String name) throws Exception {
		MvcTestResult result = mvc.get().uri("/insights/export").with(signedIn).exchange();
		assertThat(result).hasStatusOk();
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("The export has no " + name);
	}

}
