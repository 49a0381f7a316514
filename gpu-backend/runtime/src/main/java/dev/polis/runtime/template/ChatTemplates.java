package dev.polis.runtime.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * Finds the chat template of a checkpoint folder: {@code chat_template.jinja}, else the {@code chat_template} of
 * {@code tokenizer_config.json} (a string, or a list of named templates of which {@code default} is taken).
 */
public final class ChatTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatTemplates() {
    }

    /**
     * Loads the chat template of the checkpoint in {@code folder}.
     *
     * @param bosToken the text bound to {@code bos_token}
     * @param eosToken the text bound to {@code eos_token}
     * @throws InvalidInputException when the folder has no chat template or its files cannot be read
     */
    public static ChatTemplate load(Path folder, String bosToken, String eosToken) {
        Path jinja = folder.resolve("chat_template.jinja");
        Path config = folder.resolve("tokenizer_config.json");
        try {
            if (Files.isRegularFile(jinja)) {
                return ChatTemplate.of(Files.readString(jinja), bosToken, eosToken);
            }
            if (Files.isRegularFile(config)) {
                String source = fromConfig(JSON.readTree(config.toFile()).path("chat_template"));
                if (source != null) {
                    return ChatTemplate.of(source, bosToken, eosToken);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(folder + ": cannot read the chat template: " + e.getMessage(), e);
        }
        throw new InvalidInputException(folder + ": no chat template (neither chat_template.jinja nor a chat_template "
                + "in tokenizer_config.json); this checkpoint is not a chat model, so give it a raw prompt instead "
                + "(polis generate without --chat)");
    }

    private static String fromConfig(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if ("default".equals(named.path("name").asText()) && named.path("template").isTextual()) {
                    return named.get("template").asText();
                }
            }
        }
        return null;
    }
}
