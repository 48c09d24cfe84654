package dev.coursehub.booking.attendance;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Attendance: admin-only (the gateway's rule for {@code /attendance/**}). */
@RestController
class AttendanceController {

	private final AttendanceService attendance;

	AttendanceController(AttendanceService attendance) {
		this.attendance = attendance;
	}

	@PostMapping("/attendance/sessions/{id}")
	Mono<AttendanceViews.SessionAttendance> mark(@PathVariable long id,
			@Valid @RequestBody AttendanceRequests.Marks request) {
		return this.attendance.mark(id, request.marks());
	}

	@GetMapping("/attendance/sessions/{id}")
	Mono<AttendanceViews.SessionAttendance> report(@PathVariable long id) {
		return this.attendance.report(id);
	}

	@GetMapping("/attendance/runs/{id}/certificates")
	Mono<AttendanceViews.RunCertificates> certificates(@PathVariable long id) {
		return this.attendance.certificates(id);
	}

}
