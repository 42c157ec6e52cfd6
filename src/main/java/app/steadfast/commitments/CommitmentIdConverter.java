package app.steadfast.commitments;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a commitment's id from an address, so a controller takes {@link CommitmentId} as
 * a path variable. Text that is no id fails, and the address answers 404 like an id that
 * names nothing.
 */
@Component
class CommitmentIdConverter implements Converter<String, CommitmentId> {

	@Override
	public CommitmentId convert(String text) {
		return new CommitmentId(UUID.fromString(text));
	}

}
