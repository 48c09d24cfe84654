package dev.coursehub.localstack;

import java.nio.file.Path;

/**
 * A process that ended while the stack was meant to run.
 *
 * @param name the process, e.g. {@code booking-service}
 * @param exit how it ended, e.g. {@code exit code 1}
 * @param log its log file
 */
record Crash(String name, String exit, Path log) {

}
