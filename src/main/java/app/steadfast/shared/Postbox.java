package app.steadfast.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends the emails people asked for. With an SMTP server configured
 * ({@code spring.mail.host}) it sends through it; without one nothing is lost: each
 * message is written to the outbox folder as an {@code .eml} file for its owner; the
 * admin sees who, when and what kind, never the body, which may hold someone's sign-in
 * link.
 */
@Service
public class Postbox {

	private static final Logger log = LoggerFactory.getLogger(Postbox.class);

	private static final Pattern SAFE_NAME = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f-]{36}\\.eml");

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	@ConfigurationProperties("steadfast.mail")
	record MailSettings(@DefaultValue("./data/outbox") String outbox,
			@DefaultValue("Steadfast <no-reply@localhost>") String from) {
	}

	private final ObjectProvider<JavaMailSender> smtp;

	private final MailSettings settings;

	private final Clock clock;

	private final PracticeSettings practice;

	Postbox(ObjectProvider<JavaMailSender> smtp, MailSettings settings, Clock clock, PracticeSettings practice) {
		this.practice = practice;
		this.smtp = smtp;
		this.settings = settings;
		this.clock = clock;
	}

	/** Sends the mail, or keeps it in the outbox when no SMTP server is configured. */
	public void send(Mail mail) {
		JavaMailSender sender = this.smtp.getIfAvailable();
		try {
			MimeMessage message = (sender != null) ? sender.createMimeMessage()
					: new MimeMessage(Session.getInstance(new Properties()));
			message.setFrom(
					new InternetAddress(this.practice.get(PracticeSettings.MAIL_FROM).orElse(this.settings.from())));
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
			message.setSubject(mail.subject(), "UTF-8");
			if (mail.attachments().isEmpty()) {
				message.setText(mail.text(), "UTF-8");
			}
			else {
				message.setContent(withAttachments(mail));
			}
			message.setSentDate(Date.from(this.clock.instant()));
			if (sender == null) {
				keep(message);
				return;
			}
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				// Nothing is lost: the message waits in the outbox for the admin. The
				// address is
				// personal data, so the log names only what failed.
				log.warn("The mail server refused an email ({}); it was kept in the outbox instead",
						ex.getClass().getSimpleName());
				keep(message);
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The email could not be prepared", ex);
		}
	}

	/** Whether mail stays in the local outbox rather than going out by SMTP. */
	public boolean keepsMailLocally() {
		return this.smtp.getIfAvailable() == null;
	}

	/** The messages in the outbox, newest first, without their bodies. */
	public List<OutboxMessage> outbox() {
		Path folder = Path.of(this.settings.outbox());
		if (Files.notExists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> SAFE_NAME.matcher(file.getFileName().toString()).matches())
				.map(this::read)
				.sorted(Comparator.comparing(OutboxMessage::written).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One message of the outbox by its file name; empty for any other name. */
	public Optional<OutboxMessage> outboxMessage(String name) {
		if (name == null || !SAFE_NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = Path.of(this.settings.outbox()).resolve(name);
		return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
	}

	private static MimeMultipart withAttachments(Mail mail) throws MessagingException {
		MimeMultipart parts = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), "UTF-8");
		parts.addBodyPart(text);
		for (Mail.Attachment attachment : mail.attachments()) {
			MimeBodyPart file = new MimeBodyPart();
			file.setDataHandler(
					new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
			file.setFileName(attachment.fileName());
			parts.addBodyPart(file);
		}
		return parts;
	}

	/** The names of the files attached to a message. */
	private static List<String> attachmentsOf(MimeMessage message) throws IOException, MessagingException {
		if (!(message.getContent() instanceof Multipart parts)) {
			return List.of();
		}
		List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getFileName() != null) {
				names.add(part.getFileName());
			}
		}
		return names;
	}

	private void keep(MimeMessage message) throws MessagingException {
		Instant now = this.clock.instant();
		Path folder = Path.of(this.settings.outbox());
		Path file = folder.resolve(FILE_TIME.format(now) + "-" + UUID.randomUUID() + ".eml");
		try {
			// The message may hold someone's reset link: 600 in a 700 folder, from the
			// start. Written under another name and then renamed in one step, so that
			// whoever lists the outbox (the admin page, the owner's own delivery) never
			// reads a message half written.
			Path part = folder.resolve(file.getFileName() + ".part");
			try (OutputStream out = java.nio.channels.Channels.newOutputStream(PrivateFiles.create(part))) {
				message.writeTo(out);
			}
			Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("No SMTP server configured: email kept in the outbox as {}", file.getFileName());
	}

	private OutboxMessage read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			Date sent = message.getSentDate();
			Instant written = (sent != null) ? sent.toInstant() : Files.getLastModifiedTime(file).toInstant();
			String to = String.join(", ", Stream.of(message.getAllRecipients()).map(Object::toString).toList());
			return new OutboxMessage(file.getFileName().toString(), to, message.getSubject(), written,
					attachmentsOf(message));
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException("An outbox message could not be read", ex);
		}
	}

}
