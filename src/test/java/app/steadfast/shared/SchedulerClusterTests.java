package app.steadfast.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import app.steadfast.TestNodes;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database, each with its own scheduler: a due job runs on
 * one of them, once.
 */
@Tag("database")
class SchedulerClusterTests {

	static final String TASK = "cluster-test-reminder";

	/** Instance id to the names of the nodes that ran it, in order. */
	static final Map<String, Queue<String>> runs = new ConcurrentHashMap<>();

	/** Executions of this instance id wait for {@link #release} before they finish. */
	static final String HELD = "held";

	static volatile CountDownLatch release = new CountDownLatch(0);

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodesOnOneDatabase() {
		nodeA = TestNodes.start("schedulercluster", "node-a", true, ClusterTestTask.class);
		nodeB = TestNodes.start("schedulercluster", "node-b", true, ClusterTestTask.class);
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeB, nodeA }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@BeforeEach
	void forgetEarlierRuns() {
		runs.clear();
	}

	@Test
	void aDueReminderRunsOnceOnTwoNodes() {
		String id = UUID.randomUUID().toString();

		assertThat(client(nodeA).scheduleIfNotExists(task(nodeA).instance(id), Instant.now())).isTrue();

		await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey(id));
		// Both nodes poll every 100 ms: a second run would show within this second.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> runs.get(id).size() == 1 && pending(id) == 0);
		assertThat(runs.get(id)).hasSize(1).first().isIn("node-a", "node-b");
	}

	@Test
	void manyDueRemindersEachRunOnceWhileBothNodesPoll() {
		List<String> ids = IntStream.range(0, 40).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		Instant now = Instant.now();
		for (int i = 0; i < ids.size(); i++) {
			// Half are handed in through each node; either node may run any of them.
			ConfigurableApplicationContext node = (i % 2 == 0) ? nodeA : nodeB;
			client(node).scheduleIfNotExists(task(node).instance(ids.get(i)), now);
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> runs.keySet().containsAll(ids));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> ids.stream().allMatch((id) -> runs.get(id).size() == 1));
		assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void theSameReminderIsNotScheduledTwiceWhilePendingOrRunning() {
		String later = UUID.randomUUID().toString();
		Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
		assertThat(client(nodeA).scheduleIfNotExists(task(nodeA).instance(later), inAnHour)).isTrue();
		assertThat(client(nodeB).scheduleIfNotExists(task(nodeB).instance(later), inAnHour)).isFalse();
		assertThat(client(nodeA).scheduleIfNotExists(task(nodeA).instance(later), Instant.now())).isFalse();
		assertThat(pending(later)).isOne();
		client(nodeA).cancel(task(nodeA).instance(later));

		release = new CountDownLatch(1);
		try {
			assertThat(client(nodeA).scheduleIfNotExists(task(nodeA).instance(HELD), Instant.now())).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey(HELD));
			// Running on one node: neither node accepts it again.
			assertThat(client(nodeA).scheduleIfNotExists(task(nodeA).instance(HELD), Instant.now())).isFalse();
			assertThat(client(nodeB).scheduleIfNotExists(task(nodeB).instance(HELD), Instant.now())).isFalse();
		}
		finally {
			release.countDown();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(HELD) == 0);
		assertThat(runs.get(HELD)).hasSize(1);
	}

	@Test
	void aFinishedReminderLeavesNoRowSoItsIdCanBeScheduledAgain() {
		// What db-scheduler guarantees ends with the execution: a job that must never
		// repeat
		// (a week's reminder) records what it did and checks that record first.
		String id = UUID.randomUUID().toString();
		client(nodeA).scheduleIfNotExists(task(nodeA).instance(id), Instant.now());
		await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey(id) && pending(id) == 0);

		assertThat(client(nodeB).scheduleIfNotExists(task(nodeB).instance(id), Instant.now())).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> runs.get(id).size() == 2 && pending(id) == 0);
	}

	private static long pending(String id) {
		return nodeA.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(TASK, id)
			.query(Long.class)
			.single();
	}

	private static SchedulerClient client(ConfigurableApplicationContext node) {
		return node.getBean(Scheduler.class);
	}

	@SuppressWarnings("unchecked")
	private static OneTimeTask<Void> task(ConfigurableApplicationContext node) {
		return node.getBean("clusterTestReminder", OneTimeTask.class);
	}

	/**
	 * A job known only to this test's nodes (a plain class, so no component scan finds
	 * it): it writes down which node ran which instance id.
	 */
	static class ClusterTestTask {

		@Bean
		OneTimeTask<Void> clusterTestReminder() {
			return Tasks.oneTime(TASK).execute((instance, context) -> {
				runs.computeIfAbsent(instance.getId(), (id) -> new ConcurrentLinkedQueue<>())
					.add(context.getExecution().pickedBy);
				if (HELD.equals(instance.getId())) {
					awaitRelease();
				}
			});
		}

		private static void awaitRelease() {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
