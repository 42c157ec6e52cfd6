package app.steadfast;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Steadfast.class);

	@Test
	void modulesKeepTheirBoundariesAndDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void foundationModulesExist() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).contains("shared", "audit",
				"accounts", "sharing", "safety");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
	}

}
