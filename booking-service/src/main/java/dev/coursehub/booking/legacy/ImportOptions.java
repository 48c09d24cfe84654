package dev.coursehub.booking.legacy;

/**
 * @param courseId the CourseHub course legacy bookings belong to
 * @param legacyCourseId the legacy {@code course_id} of that course (1 for "Вайб кодинг")
 */
record ImportOptions(long courseId, long legacyCourseId) {
}
