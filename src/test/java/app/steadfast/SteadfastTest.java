package app.steadfast;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application against a real database, with MockMvc. Tests that share this
 * annotation share one application context. Tagged {@code database}, so the build runs
 * them on H2 and again on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
public @interface SteadfastTest {

}
