package dev.coursehub.booking.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import dev.coursehub.servicekit.web.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Imports a legacy table from its CSV export (header row with the legacy column names).
 * The upload is spooled to a temporary file and read row by row; each row is imported in
 * its own transaction through the feature that owns it, emitting the same events as live
 * traffic. Rows already imported are skipped, so running an import twice changes nothing.
 */
@Service
class LegacyImporter {

	static final int PROGRESS_EVERY = 1000;

	private static final Log logger = LogFactory.getLog(LegacyImporter.class);

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final LegacyTables tables;

	LegacyImporter(LegacyTables tables) {
		this.tables = tables;
	}

	/**
	 * Import, reporting progress every {@value #PROGRESS_EVERY} rows and ending with the
	 * final report ({@code done: true}).
	 */
	Flux<ImportReport> run(String table, Flux<DataBuffer> csv, ImportOptions options) {
		if (!LegacyTables.REQUIRED_COLUMNS.containsKey(table)) {
			return Flux.error(Problems.invalid("table", "table must be one of " + LegacyTables.tables()));
		}
		if (table.equals("bookings") && options.courseId() <= 0) {
			return Flux
				.error(Problems.invalid("courseId", "courseId: the CourseHub course of the bookings is required"));
		}
		return Flux.usingWhen(
				Mono.fromCallable(() -> Files.createTempFile("legacy-" + table, ".csv"))
					.subscribeOn(Schedulers.boundedElastic()),
				(file) -> DataBufferUtils.write(csv, file).thenMany(importFile(table, file, options)),
				(file) -> Mono.fromCallable(() -> Files.deleteIfExists(file)).subscribeOn(Schedulers.boundedElastic()));
	}

	private Flux<ImportReport> importFile(String table, Path file, ImportOptions options) {
		ImportReport.Builder report = new ImportReport.Builder(table);
		return Flux.using(() -> CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT), (parser) -> {
			checkColumns(table, parser);
			return Flux.fromIterable(parser)
				.map((record) -> new LegacyRow(record.getRecordNumber() + 1, record.toMap()));
		}, LegacyImporter::close)
			.subscribeOn(Schedulers.boundedElastic())
			.concatMap((row) -> importRow(table, row, options))
			.map(report::add)
			.filter((progress) -> progress.rows() % PROGRESS_EVERY == 0)
			.map((progress) -> {
				logger.info("Legacy import of " + table + ": " + progress.rows() + " rows so far");
				return progress.progress();
			})
			.onErrorMap(UncheckedIOException.class,
					(ex) -> Problems.invalid("csv", "The CSV cannot be read: " + ex.getCause().getMessage()))
			.concatWith(Mono.fromSupplier(report::build)
				.doOnNext((done) -> logger.info("Legacy import of " + table + " done: " + done.imported()
						+ " imported, " + done.skipped() + " skipped, " + done.rejected() + " rejected")));
	}

	private Mono<RowOutcome> importRow(String table, LegacyRow row, ImportOptions options) {
		return Mono.defer(() -> this.tables.importRow(table, row, options))
			.map((imported) -> imported ? RowOutcome.imported(row)
					: RowOutcome.skipped(row, "already imported, or a duplicate of an imported row"))
			.onErrorResume(IllegalArgumentException.class, (ex) -> Mono.just(RowOutcome.rejected(row, ex.getMessage())))
			.onErrorResume(ErrorResponseException.class,
					(ex) -> Mono.just(RowOutcome.rejected(row, ex.getBody().getDetail())))
			.onErrorResume(DataIntegrityViolationException.class,
					(ex) -> Mono.just(RowOutcome.rejected(row, "violates a database rule: " + constraint(ex))));
	}

	private static void checkColumns(String table, CSVParser parser) {
		Set<String> missing = new TreeSet<>(LegacyTables.REQUIRED_COLUMNS.get(table));
		missing.removeAll(parser.getHeaderNames());
		if (!missing.isEmpty()) {
			throw Problems.invalid("csv", "The " + table + " export lacks the columns " + missing);
		}
	}

	private static String constraint(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		int at = message.indexOf("constraint \"");
		return (at >= 0) ? message.substring(at + 12, message.indexOf('"', at + 12)) : "a constraint";
	}

	private static void close(CSVParser parser) {
		try {
			parser.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
