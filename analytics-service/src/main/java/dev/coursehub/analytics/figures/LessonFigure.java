package dev.coursehub.analytics.figures;

import java.math.BigDecimal;

/**
 * Free-lesson registrations and attendances ({@code lesson_link_clicked}) of one lesson
 * type; {@code conversionRate} is attendances / registrations in percent, one decimal, 0
 * without registrations.
 */
public record LessonFigure(String lessonType, long registrations, long attendances, BigDecimal conversionRate) {

}
