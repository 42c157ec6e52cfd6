package app.steadfast.checkins;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording, changing and deleting his own check-ins: the checks of what he entered, his
 * words sealed, risk language reported and the events published.
 * <p>
 * The rules of a check-in live here and nowhere else, because everything that records one
 * comes through here (the form, the quick flow, the demo): those of single values as Bean
 * Validation annotations on {@link CheckInDetails}, the others in {@link #check}. Forms
 * only turn text into values; their controllers show these problems beside the fields.
 */
@Component
class CheckInRecording {

	private final CheckIns checkIns;

	private final EmotionVocabulary vocabulary;

	private final Encryption encryption;

	private final ApplicationEventPublisher events;

	private final RiskLanguage risk;

	private final Clock clock;

	private final Validator validator;

	private final MessageSource messages;

	private final TransactionTemplate own;

	CheckInRecording(CheckIns checkIns, EmotionVocabulary vocabulary, Encryption encryption,
			ApplicationEventPublisher events, RiskLanguage risk, Clock clock, Validator validator,
			MessageSource messages, PlatformTransactionManager transactions) {
		this.checkIns = checkIns;
		this.vocabulary = vocabulary;
		this.encryption = encryption;
		this.events = events;
		this.risk = risk;
		this.clock = clock;
		this.validator = validator;
		this.messages = messages;
		this.own = new TransactionTemplate(transactions);
	}

	/** See {@link CheckInManagement#record}. */
	@Transactional
	CheckInReceipt record(AccountId owner, CheckInDetails details, boolean inTheMoment) {
		return save(owner, details, inTheMoment, null);
	}

	/**
	 * Records a check-in sent from a form the browser named with a submission id: the
	 * first sending saves it, every later one with the same id (a double click, a
	 * check-in kept offline and sent again after an answer was lost) finds it and saves
	 * nothing. Called outside any transaction: two sendings at once both try to insert,
	 * the unique index lets one win, and the other then finds the winner's.
	 */
	CheckInReceipt recordOnce(AccountId owner, CheckInDetails details, boolean inTheMoment, @Nullable UUID submission) {
		if (submission == null) {
			return this.own.execute((status) -> save(owner, details, inTheMoment, null));
		}
		java.util.Optional<CheckInReceipt> earlier = earlier(owner, details, submission);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return this.own.execute((status) -> save(owner, details, inTheMoment, submission));
		}
		catch (DataIntegrityViolationException ex) {
			return earlier(owner, details, submission).orElseThrow(() -> ex);
		}
	}

	private java.util.Optional<CheckInReceipt> earlier(AccountId owner, CheckInDetails details, UUID submission) {
		// The words are checked again, not reported again: the first sending reported
		// them, and if its answer was lost he still sees crisis resources now.
		return this.checkIns.findByOwnerIdAndSubmissionId(owner.value(), submission)
			.map((found) -> new CheckInReceipt(new CheckInId(found.id()), this.risk.check(text(details)).hit()));
	}

	private CheckInReceipt save(AccountId owner, CheckInDetails details, boolean inTheMoment,
			@Nullable UUID submission) {
		check(details, inTheMoment);
		Instant now = this.clock.instant();
		CheckIn checkIn = CheckIn.start(UUID.randomUUID(), owner.value(), inTheMoment, now, submission);
		fill(checkIn, details, now);
		this.checkIns.save(checkIn);
		CheckInId id = new CheckInId(checkIn.id());
		this.events.publishEvent(new CheckInRecorded(id, owner, inTheMoment, details.occurredAt()));
		return new CheckInReceipt(id, riskIn(owner, checkIn.id(), details));
	}

	/** See {@link CheckInManagement#update}. */
	@Transactional
	CheckInReceipt update(AccountId owner, CheckInId id, CheckInDetails details) {
		CheckIn checkIn = owned(owner, id);
		check(details, checkIn.inTheMoment());
		fill(checkIn, details, this.clock.instant());
		this.checkIns.save(checkIn);
		this.events.publishEvent(new CheckInChanged(id, owner, false));
		return new CheckInReceipt(id, riskIn(owner, checkIn.id(), details));
	}

	/**
	 * Checks his words for risk language; a hit is reported (ids only) and never blocks
	 * saving.
	 */
	private boolean riskIn(AccountId owner, UUID checkIn, CheckInDetails details) {
		return this.risk.checkAndReport(text(details), owner.value(), RiskSource.CHECK_IN, checkIn).hit();
	}

	private static String text(CheckInDetails details) {
		return String.join("\n", java.util.Objects.requireNonNullElse(details.trigger(), ""),
				java.util.Objects.requireNonNullElse(details.responseNote(), ""));
	}

	/** See {@link CheckInManagement#delete}. */
	@Transactional
	void delete(AccountId owner, CheckInId id) {
		this.checkIns.delete(owned(owner, id));
		this.events.publishEvent(new CheckInChanged(id, owner, true));
	}

	/**
	 * Refuses the check-in with every problem it has (not just the first), each beside
	 * its field: the rules of {@link CheckInDetails}' annotations, then those that need
	 * the vocabulary, the clock or the flow.
	 */
	void check(CheckInDetails details, boolean inTheMoment) {
		Map<String, String> problems = new LinkedHashMap<>();
		// Record components in their order, so the problems are listed as the form asks.
		for (RecordComponent component : CheckInDetails.class.getRecordComponents()) {
			this.validator.validateProperty(details, component.getName())
				.stream()
				.map(ConstraintViolation::getMessage)
				.sorted()
				.findFirst()
				.ifPresent((message) -> problems.put(component.getName(), message));
		}
		wordsOutsideTheVocabulary(details.words()).ifPresent((message) -> problems.putIfAbsent("words", message));
		if (details.intensity() == null && !inTheMoment) {
			problems.putIfAbsent("intensity", message("checkin.intensity.range"));
		}
		if (details.occurredAt() == null || details.occurredAt().isAfter(this.clock.instant().plusSeconds(60))) {
			problems.putIfAbsent("occurredAt", message("checkin.occurredAt.future"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCheckIn(problems);
		}
	}

	/**
	 * What is wrong with the words alone, for the first step of the form, which asks for
	 * nothing else.
	 */
	Optional<String> wordsProblem(List<String> words) {
		return this.validator.validateValue(CheckInDetails.class, "words", words)
			.stream()
			.map(ConstraintViolation::getMessage)
			.sorted()
			.findFirst()
			.or(() -> wordsOutsideTheVocabulary(words));
	}

	private Optional<String> wordsOutsideTheVocabulary(List<String> words) {
		if (words.stream().distinct().count() != words.size()
				|| words.stream().anyMatch((word) -> this.vocabulary.word(word).isEmpty())) {
			return Optional.of(message("checkin.words.vocabulary"));
		}
		return Optional.empty();
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private void fill(CheckIn checkIn, CheckInDetails details, Instant now) {
		EncryptionBinding binding = CheckInManagement.binding(checkIn);
		checkIn.record(details.words(), details.intensity(), details.body(),
				this.encryption.seal(blankToNull(details.trigger()), binding), details.response(),
				this.encryption.seal(blankToNull(details.responseNote()), binding), details.occurredAt(), now);
	}

	private CheckIn owned(AccountId owner, CheckInId id) {
		return this.checkIns.findById(id.value())
			.filter((c) -> c.ownerId().equals(owner.value()))
			.orElseThrow(NotFound::new);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
