package app.steadfast.checkins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/** His check-ins and journal entries, for the export of his data. */
@Component
class CheckInsPersonalData implements PersonalData {

	private final CheckInHistory checkIns;

	private final JournalManagement journal;

	CheckInsPersonalData(CheckInHistory checkIns, JournalManagement journal) {
		this.checkIns = checkIns;
		this.journal = journal;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("checkins", this.checkIns.history(me, me));
		tables.put("journal", this.journal.entries(me, me));
		return tables;
	}

}
