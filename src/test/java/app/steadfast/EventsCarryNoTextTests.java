package app.steadfast;

import java.lang.reflect.RecordComponent;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored as plain JSON in the publication registry, so they may carry ids,
 * kinds, numbers and moments, never free text. An event is any Steadfast record that a
 * method builds and hands to {@link ApplicationEventPublisher#publishEvent}.
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
				assertThat(isAllowed(component.getType()))
					.as("%s.%s (%s) must be an id, kind, number or moment, never text", event.getSimpleName(),
							component.getName(), component.getType().getSimpleName())
					.isTrue();
			}
		}
	}

	@Test
	void theDetectionFindsTheAccountEvents() {
		assertThat(publishedEvents()).extracting(Class::getSimpleName)
			.contains("AccountCreated", "PasswordChanged", "RoleChanged");
	}

	@Test
	void aTextFieldIsCaught() {
		record NoteWritten(UUID note, String text) {
		}
		assertThat(Stream.of(NoteWritten.class.getRecordComponents()).allMatch((c) -> isAllowed(c.getType())))
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
			.anyMatch((call) -> call.getName().equals("publishEvent")
					&& call.getTargetOwner().isAssignableTo(ApplicationEventPublisher.class));
	}

	static boolean isAllowed(Class<?> type) {
		if (ALLOWED.contains(type) || type.isEnum()) {
			return true;
		}
		// An id record: a record whose components are themselves allowed (AccountId wraps
		// a UUID).
		return type.isRecord() && type.getName().startsWith("app.steadfast.")
				&& Stream.of(type.getRecordComponents()).allMatch((c) -> isAllowed(c.getType()));
	}

}
