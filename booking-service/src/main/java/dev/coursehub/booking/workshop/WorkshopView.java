package dev.coursehub.booking.workshop;

import java.util.List;

/** A workshop of the catalogue with its next sessions that still have a free seat. */
record WorkshopView(long id, String title, String description, int defaultCapacity, String instructor, String location,
		boolean active, List<SessionView> nextSessions) {

	static WorkshopView of(Workshop w, List<SessionView> next) {
		return new WorkshopView(w.id(), w.title(), w.description(), w.defaultCapacity(), w.instructor(), w.location(),
				w.active(), next);
	}

}
