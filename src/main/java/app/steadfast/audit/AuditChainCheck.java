package app.steadfast.audit;

import java.time.ZoneOffset;
import java.util.Map;

import app.steadfast.shared.ExactlyOnce;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The scheduled check of the audit chain (every {@code steadfast.audit.check-every}, once
 * per cluster, and at start): an intact chain that grew is anchored outside the database
 * and the anchor logged; a broken one, or one behind its anchor, is logged as an error
 * and raises {@link AuditChainBroken} once per break, which emails the admins.
 */
@Component
class AuditChainCheck {

	private static final Logger log = LoggerFactory.getLogger(AuditChainCheck.class);

	private final AuditChain audit;

	private final AuditAnchors anchors;

	private final ExactlyOnce once;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	AuditChainCheck(AuditChain audit, AuditAnchors anchors, ExactlyOnce once, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.audit = audit;
		this.anchors = anchors;
		this.once = once;
		this.events = events;
		this.clock = clock;
	}

	AuditChain.Checked run() {
		AuditChain.Checked checked = this.audit.verifyAndAnchor();
		AuditVerification verification = checked.verification();
		if (checked.anchored() != null) {
			// The log is a second copy of the anchor, wherever the logs are shipped.
			log.info("Audit chain anchored outside the database: row {}, hash {}, in {}", checked.anchored().seq(),
					checked.anchored().hash(), this.anchors.file());
		}
		if (!verification.intact()) {
			log.error("The audit chain check failed from row {}: {}", verification.firstBrokenSeq(),
					verification.problem());
			String fingerprint = (verification.firstBrokenSeq() + ":" + verification.problem());
			this.once.run("INSERT INTO audit_alarm (fingerprint, raised_at) VALUES (:fingerprint, :now)",
					Map.of("fingerprint", fingerprint.substring(0, Math.min(200, fingerprint.length())), "now",
							this.clock.instant().atOffset(ZoneOffset.UTC)),
					() -> {
						this.events.publishEvent(new AuditChainBroken(verification.firstBrokenSeq()));
						return true;
					});
		}
		return checked;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditAnchors.AuditSettings.class)
	static class Job {

		@Bean
		RecurringTask<Void> auditChainCheckJob(AuditChainCheck check, AuditAnchors.AuditSettings settings) {
			return Tasks.recurring("audit-chain-check", FixedDelay.of(settings.checkEvery()))
				.execute((instance, context) -> check.run());
		}

	}

}
