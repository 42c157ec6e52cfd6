package app.steadfast.consultations;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a consultation request's id from an address, so a controller takes
 * {@link ConsultationId} as a path variable. Text that is no id fails, and the address
 * answers 404 like an id that names nothing.
 */
@Component
class ConsultationIdConverter implements Converter<String, ConsultationId> {

	@Override
	public ConsultationId convert(String text) {
		return new ConsultationId(UUID.fromString(text));
	}

}
