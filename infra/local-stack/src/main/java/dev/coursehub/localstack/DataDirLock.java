package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per data folder. The operating system drops the lock when the launcher's
 * process ends, however it ends, so a killed run never leaves it behind.
 */
final class DataDirLock {

	private DataDirLock() {
	}

	static FileLock acquire(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("local-stack.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.READ);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
			channel.close();
			throw new StackFailure("another local stack (pid " + owner + ") is running on " + dataDir, null);
		}
		channel.truncate(0);
		channel.write(StandardCharsets.UTF_8.encode(String.valueOf(ProcessHandle.current().pid())));
		channel.force(false);
		return lock;
	}

}
