package app.steadfast.repair;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where repair starts: for a client his statements and his partner's questions; for a
 * partner their questions and what he shared.
 */
@Controller
class RepairController {

	private final StatementManagement statements;

	private final QuestionManagement questions;

	RepairController(StatementManagement statements, QuestionManagement questions) {
		this.statements = statements;
		this.questions = questions;
	}

	@GetMapping("/repair")
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		QuestionManagement.Board board = this.questions.board(me);
		model.addAttribute("board", board);
		model.addAttribute("waiting", board.questions().stream().filter((q) -> q.status().waiting()).count());
		model.addAttribute("overdue", board.questions().stream().filter(QuestionView::overdue).count());
		if (person.role() == Role.CLIENT) {
			model.addAttribute("statements", this.statements.statements(me));
			return "repair/home";
		}
		return "repair/partner-home";
	}

}
