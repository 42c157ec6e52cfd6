package app.steadfast.checkins;

import java.util.List;
import java.util.UUID;

import app.steadfast.shared.RecentCheckIns;

import org.springframework.stereotype.Component;

/** Answers {@link RecentCheckIns} from his own check-ins. */
@Component
class CheckInRefs implements RecentCheckIns {

	private final CheckIns repository;

	CheckInRefs(CheckIns repository) {
		this.repository = repository;
	}

	@Override
	public List<CheckInRef> recent(UUID owner, int limit) {
		return this.repository.findTop10ByOwnerIdOrderByOccurredAtDesc(owner)
			.stream()
			.limit(limit)
			.map((c) -> new CheckInRef(c.id(), c.occurredAt(), c.words()))
			.toList();
	}

	@Override
	public boolean isOwn(UUID owner, UUID checkIn) {
		return this.repository.findById(checkIn).filter((c) -> c.ownerId().equals(owner)).isPresent();
	}

}
