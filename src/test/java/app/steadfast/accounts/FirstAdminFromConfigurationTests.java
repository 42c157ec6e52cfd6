package app.steadfast.accounts;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@FreshDatabase
@SteadfastTest
class FirstAdminFromConfigurationTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	Accounts store;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aConfiguredAdminIsCreatedInAnEmptyPracticeAndTheSetupPageCloses() throws Exception {
		assertThat(this.mvc.get().uri("/setup")).hasStatusOk();
		new FirstAccounts(this.accounts, this.store,
				new FirstAccounts.AdminSettings("Owner@Madrega.example", "Owner", "configured-admin-pass"),
				new FirstAccounts.DemoSettings(false, null))
			.run(null);
		assertThat(this.accounts.findByEmail("owner@madrega.example")).get()
			.extracting(Person::role)
			.isEqualTo(Role.ADMIN);
		assertThat(this.mvc.get().uri("/setup")).hasStatus(404);
	}

}
