package app.steadfast.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * Every version of his statements (with the responses to shared ones), and the questions
 * between him and his partner with every answer and correction; for her, also the
 * questions she keeps for later.
 */
@Component
class RepairPersonalData implements PersonalData {

	private final StatementManagement statements;

	private final QuestionManagement questions;

	private final PartnerQuestions stored;

	RepairPersonalData(StatementManagement statements, QuestionManagement questions, PartnerQuestions stored) {
		this.statements = statements;
		this.questions = questions;
		this.stored = stored;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		List<VersionView> versions = new ArrayList<>();
		for (StatementSummary statement : this.statements.statements(me)) {
			versions.addAll(this.statements.versions(me, statement.id()));
		}
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("statement_versions", versions);
		tables.put("questions", this.questions.board(me).questions());
		tables.put("kept_questions", this.stored.keptBy(me));
		return tables;
	}

}
