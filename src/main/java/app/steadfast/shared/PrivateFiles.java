package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that only the account running Steadfast may read: folders {@code 700}, files
 * {@code 600}, whatever the process's umask. On a file system without POSIX permissions
 * nothing is changed (there, the folder's own access rules protect it).
 */
public final class PrivateFiles {

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private PrivateFiles() {
	}

	/**
	 * Creates the folder (and any missing parents) if need be, and makes the folder
	 * itself {@code 700}; parents that already existed are left as they are.
	 * @return the folder
	 */
	public static Path folder(Path folder) {
		try {
			Path absolute = folder.toAbsolutePath();
			if (Files.notExists(absolute)) {
				Path parent = absolute.getParent();
				if (parent != null && Files.notExists(parent)) {
					folder(parent);
				}
				Files.createDirectories(absolute);
			}
			restrict(absolute, FOLDER);
			return absolute;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes an existing file {@code 600}; a missing one is left missing. */
	public static void file(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				restrict(file, FILE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates a new file, {@code 600} before a byte is written, in a private folder.
	 * @return the file, empty, open for writing
	 */
	public static FileChannel create(Path file) throws IOException {
		folder(file.toAbsolutePath().getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		restrict(file, FILE);
		return channel;
	}

	/** Writes text to a new or existing file, {@code 600} before the text is in it. */
	public static void write(Path file, String text) {
		try {
			folder(file.toAbsolutePath().getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				restrict(file, FILE);
				writeFully(channel, text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Appends a line to a file, creating it {@code 600} if it is missing, and waits until
	 * the line is on the disk.
	 */
	public static void appendLine(Path file, String line) {
		try {
			folder(file.toAbsolutePath().getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				restrict(file, FILE);
				writeFully(channel, line + "\n");
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeFully(FileChannel channel, String text) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
		while (bytes.hasRemaining()) {
			channel.write(bytes);
		}
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		try {
			if (!Files.getPosixFilePermissions(path).equals(permissions)) {
				Files.setPosixFilePermissions(path, EnumSet.copyOf(permissions));
			}
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system.
		}
	}

}
