package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What his repair work shows someone he lets see his statements (his therapist, before a
 * session), in figures only: the statement versions he shared with his therapist from a
 * moment on, and how many of his partner's questions are past the day he promised an
 * answer by. Never a word of his statement or of her questions.
 */
@Service
public class RepairBriefManagement {

	private final JdbcClient jdbc;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final Clock clock;

	RepairBriefManagement(JdbcClient jdbc, SharingManagement sharing, AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.sharing = sharing;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * For each owner who lets the viewer see his statements (the sharing module decides
	 * and audits, for all at once): the versions he shared with his therapist from his
	 * own moment on, and his partner's questions now overdue. Owners who don't are
	 * absent. A fixed number of statements, however many owners.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Figures> since(AccountId viewer, Map<AccountId, Instant> from) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, from.keySet(), Category.STATEMENTS, "since");
		Map<AccountId, int[]> counts = new LinkedHashMap<>();
		visible.forEach((owner) -> counts.put(owner, new int[2]));
		if (visible.isEmpty()) {
			return Map.of();
		}
		var owners = visible.stream().map(AccountId::value).toList();
		Instant earliest = visible.stream().map(from::get).min(Instant::compareTo).orElseThrow();
		this.jdbc.sql("""
				SELECT s.owner_id, v.shared_with_therapist_at FROM statement_version v
				JOIN statement s ON s.id = v.statement_id
				WHERE s.owner_id IN (:o) AND v.shared_with_therapist_at >= :f
				""").param("o", owners).param("f", earliest.atOffset(ZoneOffset.UTC)).query((rs) -> {
			AccountId owner = new AccountId(rs.getObject("owner_id", UUID.class));
			if (!rs.getTimestamp("shared_with_therapist_at").toInstant().isBefore(from.get(owner))) {
				counts.get(owner)[0]++;
			}
		});
		// The day he promised passes on his own calendar, as his question page counts it.
		Map<AccountId, ZoneId> zones = this.accounts.zones(visible);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				SELECT client_id, needs_time_until FROM partner_question
				WHERE client_id IN (:o) AND status = 'NEEDS_TIME' AND needs_time_until IS NOT NULL
				""").param("o", owners).query((rs) -> {
			AccountId owner = new AccountId(rs.getObject("client_id", UUID.class));
			LocalDate today = LocalDate.ofInstant(now, zones.getOrDefault(owner, ZoneOffset.UTC));
			if (today.isAfter(rs.getObject("needs_time_until", LocalDate.class))) {
				counts.get(owner)[1]++;
			}
		});
		Map<AccountId, Figures> figures = new LinkedHashMap<>();
		counts.forEach((owner, c) -> figures.put(owner, new Figures(c[0], c[1])));
		return figures;
	}

	/**
	 * His repair work in figures.
	 *
	 * @param versionsShared statement versions he shared with his therapist
	 * @param overdueQuestions his partner's questions past the day he promised an answer
	 * by
	 */
	public record Figures(int versionsShared, int overdueQuestions) {
	}

}
