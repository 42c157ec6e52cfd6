package app.steadfast.care;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * His messages with his therapist, for the export of his data: what he wrote and what his
 * therapist wrote to him; and the questionnaires he (or, for her own copies, his partner)
 * filled in, with their answers and scores; and the line he keeps for his next session.
 */
@Component
class CarePersonalData implements PersonalData {

	private final Messages messages;

	private final Measures measures;

	private final Agendas agendas;

	CarePersonalData(Messages messages, Measures measures, Agendas agendas) {
		this.messages = messages;
		this.measures = measures;
		this.agendas = agendas;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		List<Map<String, Object>> questionnaires = this.measures.mine(new AccountId(person))
			.stream()
			.map((r) -> Map.<String, Object>of("questionnaire", r.instrument().title(), "completedAt",
					r.completedAt().toString(), "answers", r.answers(), "score", r.total(), "band", r.severity()))
			.toList();
		List<Map<String, Object>> agenda = this.agendas.of(new AccountId(person))
			.map((a) -> List
				.<Map<String, Object>>of(Map.of("forNextSession", a.body(), "writtenAt", a.writtenAt().toString())))
			.orElse(List.of());
		return Map.of("messages", this.messages.export(new AccountId(person)), "questionnaires", questionnaires,
				"session_agenda", agenda);
	}

}
