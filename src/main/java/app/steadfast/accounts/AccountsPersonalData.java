package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/** His account as the practice holds it (never the password, not even hashed). */
@Component
class AccountsPersonalData implements PersonalData {

	private final AccountManagement accounts;

	AccountsPersonalData(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("account", this.accounts.find(new AccountId(person)).stream().toList());
		return tables;
	}

}
