package dev.coursehub.booking.legacy;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins moving from the legacy dashboard import its tables' CSV exports:
 * {@code curl -T bookings.csv -H 'Content-Type: text/csv' .../imports/bookings?courseId=1}.
 */
@RestController
class LegacyImportController {

	private final LegacyImporter importer;

	LegacyImportController(LegacyImporter importer) {
		this.importer = importer;
	}

	/** The final report once the import is done. */
	@PostMapping(path = "/imports/{table}", consumes = { "text/csv", "application/octet-stream" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ImportReport> importTable(@PathVariable String table, @RequestParam(defaultValue = "0") long courseId,
			@RequestParam(defaultValue = "1") long legacyCourseId, @RequestBody Flux<DataBuffer> csv) {
		return this.importer.run(table, csv, new ImportOptions(courseId, legacyCourseId)).last();
	}

	/**
	 * Progress while it runs ({@code Accept: application/x-ndjson}): one line every
	 * {@value LegacyImporter#PROGRESS_EVERY} rows, then the final report.
	 */
	@PostMapping(path = "/imports/{table}", consumes = { "text/csv", "application/octet-stream" },
			produces = MediaType.APPLICATION_NDJSON_VALUE)
	Flux<ImportReport> importTableWithProgress(@PathVariable String table,
			@RequestParam(defaultValue = "0") long courseId, @RequestParam(defaultValue = "1") long legacyCourseId,
			@RequestBody Flux<DataBuffer> csv) {
		return this.importer.run(table, csv, new ImportOptions(courseId, legacyCourseId));
	}

}
