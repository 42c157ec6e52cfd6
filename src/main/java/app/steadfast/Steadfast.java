package app.steadfast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Steadfast: daily, private, measurable work for men rebuilding trust, a voice for their
 * partners, and what clients choose to share for their therapists.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class Steadfast {

	public static void main(String[] args) {
		SpringApplication.run(Steadfast.class, args);
	}

}
