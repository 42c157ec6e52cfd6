package app.steadfast.shared;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Starts db-scheduler, the cluster-safe scheduler every module's scheduled jobs run on:
 * executions are rows in {@code scheduled_tasks}, and each due execution is claimed by
 * one node only. Every {@code Task} bean in the context is registered with it; it starts
 * once the context is ready and stops with it.
 */
// db-scheduler 16.7.1's own auto-configuration orders itself after Boot 3's
// DataSourceAutoConfiguration, a class Boot 4 no longer has, so its DataSource condition
// is evaluated too early and it never activates. It is excluded in
// application.properties and imported here, after the DataSource and Flyway. Spring logs
// one warning per start that the Boot 3 class named in its @AutoConfigureAfter is
// missing; that annotation is simply ignored.
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
@Import(DbSchedulerAutoConfiguration.class)
class SchedulerConfiguration {

}
