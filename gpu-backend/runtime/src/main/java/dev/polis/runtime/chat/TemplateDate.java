package dev.polis.runtime.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.template.ChatTemplate;

/**
 * The date a {@code local:} model's chat template sees, from the model's {@code date} option: the clock by default,
 * or a fixed day or instant, so that prompts which state today's date (Llama 3.x's "Today Date: ...") render the
 * same on every run and recorded runs replay identically.
 *
 * <p>A fixed date is the time of {@code strftime_now} and is also passed as {@code date_string} ({@code 26 Jul 2024}
 * form, which Llama 3.1's template reads and otherwise defaults to 26 Jul 2024). With the clock, {@code date_string}
 * is left to the template, as Hugging Face's {@code apply_chat_template} leaves it.
 *
 * @param clock the time {@code strftime_now} reads
 * @param fixed whether the date was set (then {@code date_string} is passed too)
 */
record TemplateDate(Clock clock, boolean fixed) {

    /** The option's key in a {@code local:} model's options. */
    static final String OPTION = "date";

    /** The default: the system clock. */
    static final TemplateDate CLOCK = new TemplateDate(Clock.systemDefaultZone(), false);

    private static final Set<String> OPTIONS = Set.of(OPTION);
    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);

    /**
     * Reads the {@code date} option of a {@code local:} model: {@code clock}, a day ({@code 2024-07-26}, midnight
     * UTC) or an instant ({@code 2024-07-26T09:30:00Z}).
     *
     * @throws InvalidInputException naming the option, for a bad value or an option local models do not take
     */
    static TemplateDate from(Map<String, Object> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("options." + unknown.iterator().next() + ": local models take the "
                    + "option(s) " + OPTIONS + " (date: clock, 2024-07-26 or 2024-07-26T09:30:00Z)");
        }
        Object value = options.get(OPTION);
        String text = value == null ? "clock" : String.valueOf(value).trim();
        if (text.equalsIgnoreCase("clock")) {
            return CLOCK;
        }
        try {
            Instant instant = text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new TemplateDate(Clock.fixed(instant, ZoneOffset.UTC), true);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("options.date: expected clock, a day such as 2024-07-26 or an instant "
                    + "such as 2024-07-26T09:30:00Z but found '" + text + "'");
        }
    }

    /** Returns {@code template} reading this date. */
    ChatTemplate apply(ChatTemplate template) {
        return fixed ? template.withClock(clock) : template;
    }

    /** Returns the template variables this date sets: {@code date_string} when fixed. */
    Map<String, Object> variables() {
        return fixed ? Map.of("date_string", DATE_STRING.format(clock.instant().atZone(ZoneOffset.UTC))) : Map.of();
    }
}
