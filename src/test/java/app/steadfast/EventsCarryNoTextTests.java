package app.steadfast;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored as plain JSON in the publication registry, so they may carry ids,
 * kinds, numbers and moments (alone or as a set or list of them), never free text. An
 * event is any Steadfast record that a method builds and hands to
 * {@link ApplicationEventPublisher#publishEvent}, or registers on an aggregate
 * ({@link AbstractAggregateRoot}) to be published when it is saved.
 */
class EventsCarryNoTextTests {

	private static final Set<Class<?>> ALLOWED = Set.of(UUID.class, Instant.class, LocalDate.class, boolean.class,
			Boolean.class, int.class, Integer.class, long.class, Long.class);

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.steadfast");

	@Test
	void everyPublishedEventHoldsOnlyIdsKindsNumbersAndMoments() {
		List<Class<?>> events = publishedEvents();
		assertThat(events).as("events the modules publish").isNotEmpty();
		for (Class<?> event : events) {
			assertThat(event.isRecord()).as(event.getName() + " is a record").isTrue();
			for (RecordComponent component : event.getRecordComponents()) {
				assertThat(isAllowed(component.getGenericType()))
					.as("%s.%s (%s) must be an id, kind, number or moment, never text", event.getSimpleName(),
							component.getName(), component.getType().getSimpleName())
					.isTrue();
			}
		}
	}

	@Test
	void theDetectionFindsTheModulesEvents() {
		assertThat(publishedEvents()).extracting(Class::getSimpleName)
			.contains("CheckInRecorded", "CommitmentDayRecorded", "RiskLanguageDetected", "TalkLogged");
	}

	@Test
	void theDetectionFindsEventsAggregatesRegister() {
		assertThat(publishedEvents()).extracting(Class::getSimpleName)
			.contains("CommitmentDayRecorded", "CommitmentPaused", "CommitmentReworded");
	}

	@Test
	void aTextFieldIsCaught() {
		record NoteWritten(UUID note, String text) {
		}
		assertThat(Stream.of(NoteWritten.class.getRecordComponents()).allMatch((c) -> isAllowed(c.getGenericType())))
			.isFalse();
	}

	@Test
	void aSetOfKindsIsAllowedButASetOrListOfTextIsNot() {
		record Flagged(UUID record, Set<Thread.State> kinds) {
		}
		record Tagged(UUID record, Set<String> tags) {
		}
		record Quoted(UUID record, List<String> lines) {
		}
		assertThat(Stream.of(Flagged.class.getRecordComponents()).allMatch((c) -> isAllowed(c.getGenericType())))
			.isTrue();
		assertThat(Stream.of(Tagged.class.getRecordComponents()).allMatch((c) -> isAllowed(c.getGenericType())))
			.isFalse();
		assertThat(Stream.of(Quoted.class.getRecordComponents()).allMatch((c) -> isAllowed(c.getGenericType())))
			.isFalse();
	}

	static List<Class<?>> publishedEvents() {
		return classes.stream()
			.flatMap((type) -> type.getCodeUnits().stream())
			.filter(EventsCarryNoTextTests::publishes)
			.flatMap((method) -> method.getConstructorCallsFromSelf().stream())
			.map((call) -> call.getTargetOwner())
			.filter((owner) -> owner.getPackageName().startsWith("app.steadfast") && owner.isRecord())
			.map(JavaClass::reflect)
			.<Class<?>>map((type) -> type)
			.distinct()
			.toList();
	}

	private static boolean publishes(JavaCodeUnit method) {
		return method.getMethodCallsFromSelf()
			.stream()
			.anyMatch((call) -> (call.getName().equals("publishEvent")
					&& call.getTargetOwner().isAssignableTo(ApplicationEventPublisher.class))
					|| (call.getName().equals("registerEvent")
							&& call.getTargetOwner().isAssignableTo(AbstractAggregateRoot.class)));
	}

	static boolean isAllowed(Type type) {
		// A set or list of allowed values (the kinds of a risk-language hit) holds no
		// more text than one of them.
		if (type instanceof ParameterizedType collection
				&& (collection.getRawType() == Set.class || collection.getRawType() == List.class)) {
			return isAllowed(collection.getActualTypeArguments()[0]);
		}
		if (!(type instanceof Class<?> value)) {
			return false;
		}
		if (ALLOWED.contains(value) || value.isEnum()) {
			return true;
		}
		// An id record: a record whose components are themselves allowed (AccountId wraps
		// a UUID).
		return value.isRecord() && value.getName().startsWith("app.steadfast.")
				&& Stream.of(value.getRecordComponents()).allMatch((c) -> isAllowed(c.getGenericType()));
	}

}
