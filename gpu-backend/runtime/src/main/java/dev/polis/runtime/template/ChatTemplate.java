package dev.polis.runtime.template;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.runtime.engine.ContextClassLoader;

/**
 * A model's chat template (Jinja, from {@code tokenizer_config.json}), turning a conversation into prompt text.
 *
 * <p>Rendered with Jinjava configured as Hugging Face's {@code apply_chat_template} configures Jinja2: blocks trimmed
 * and left-stripped, Python-like operator precedence (also for {@code not X is defined}: {@link Jinja2Precedence}),
 * {@code raise_exception} and {@code strftime_now} available and defined, strings {@code iterable}, and
 * no re-interpretation of message text (a message containing <code>{{</code> stays text), and {@code tojson} writing
 * JSON as Python's {@code json.dumps} does. The variables are
 * {@code messages} (maps with {@code role} and {@code content}, and {@code tool_calls} / {@code tool_call_id} when
 * the message has them: {@link ToolVariables}), {@code add_generation_prompt}, {@code bos_token},
 * {@code eos_token} and any extra ones given. A developer message is passed as role {@code system}, since templates
 * know no other. Rendering runs with the plugin's class loader as context class loader. Thread-safe.
 */
public final class ChatTemplate {

    /**
     * Jinja2's behaviour where Jinjava's default differs: Python operator precedence (a filter binds tighter than
     * {@code +}), whitespace control on expressions, tags without inner spaces, backslash escapes in string literals.
     * Trailing newlines in the output are kept; the one at the end of the source is dropped in {@link #of}, as Jinja2
     * does by default.
     */
    private static final LegacyOverrides JINJA2_SEMANTICS = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUsePyishObjectMapper(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withAllowAdjacentTextNodes(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withKeepNullableLoopValues(true)
            .withHandleBackslashInQuotesOnly(true)
            .withDefaultKeepTrailingNewlineBehavior(true)
            .build();
    private static final Jinjava JINJAVA = ContextClassLoader.call(ChatTemplate::newEngine);

    private final String source;
    private final String bosToken;
    private final String eosToken;
    private final Clock clock;

    private ChatTemplate(String source, String bosToken, String eosToken, Clock clock) {
        Objects.requireNonNull(source, "source");
        this.source = Jinja2Precedence.rewrite(source.endsWith("\n") ? source.substring(0, source.length() - 1) : source);
        this.bosToken = bosToken == null ? "" : bosToken;
        this.eosToken = eosToken == null ? "" : eosToken;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a template over {@code source} whose {@code bos_token} and {@code eos_token} are the given texts. */
    public static ChatTemplate of(String source, String bosToken, String eosToken) {
        return new ChatTemplate(source, bosToken, eosToken, Clock.systemDefaultZone());
    }

    /**
     * Returns this template with {@code clock} as the date source of {@code strftime_now} (a fixed clock makes
     * "Today Date: ..." lines reproducible).
     */
    public ChatTemplate withClock(Clock clock) {
        ChatTemplate copy = new ChatTemplate(source, bosToken, eosToken, clock);
        return copy;
    }

    /** Returns the Jinja source as rendered: with {@code not X is ...} parenthesised as Jinja2 reads it. */
    public String source() {
        return source;
    }

    /**
     * Renders {@code messages}; with {@code addGenerationPrompt} the text ends where the assistant's answer begins.
     *
     * @throws InvalidInputException when the template rejects the conversation ({@code raise_exception}) or fails
     */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /**
     * Renders {@code messages} with extra template variables (for example {@code tools}).
     *
     * @throws InvalidInputException when the template rejects the conversation ({@code raise_exception}) or fails
     */
    public String render(List<Message> messages, boolean addGenerationPrompt, Map<String, ?> extraVariables) {
        Map<String, Object> variables = new HashMap<>(extraVariables);
        variables.put("messages", messageMaps(messages));
        variables.put("add_generation_prompt", addGenerationPrompt);
        variables.put("bos_token", bosToken);
        variables.put("eos_token", eosToken);
        RenderResult result;
        try {
            TemplateFunctions.CLOCK.set(clock);
            try {
                result = ContextClassLoader.call(() -> JINJAVA.renderForResult(source, variables));
            } finally {
                TemplateFunctions.CLOCK.remove();
            }
        } catch (TemplateRaisedException e) {
            throw refused(e.getMessage());
        } catch (RuntimeException e) {
            TemplateRaisedException raised = raisedCause(e);
            if (raised != null) {
                throw refused(raised.getMessage());
            }
            throw new InvalidInputException("the chat template failed: " + e.getMessage(), e);
        }
        for (TemplateError error : result.getErrors()) {
            TemplateRaisedException raised = raisedCause(error.getException());
            if (raised != null) {
                throw refused(raised.getMessage());
            }
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new InvalidInputException("the chat template failed"
                        + (error.getLineno() > 0 ? " at line " + error.getLineno() : "") + ": " + error.getMessage());
            }
        }
        return result.getOutput();
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("the model's chat template rejects this conversation: " + message);
    }

    private static TemplateRaisedException raisedCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TemplateRaisedException raised) {
                return raised;
            }
        }
        return null;
    }

    private static List<Map<String, Object>> messageMaps(List<Message> messages) {
        List<Map<String, Object>> maps = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", message.role() == Role.DEVELOPER ? "system" : message.role().wireName());
            map.put("content", message.content());
            if (!message.toolCalls().isEmpty()) {
                map.put("tool_calls", ToolVariables.toolCalls(message.toolCalls()));
            }
            if (!message.toolCallId().isEmpty()) {
                map.put("tool_call_id", message.toolCallId());
            }
            maps.add(map);
        }
        return maps;
    }

    private static Jinjava newEngine() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withLegacyOverrides(JINJA2_SEMANTICS)
                .build();
        Jinjava jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                TemplateFunctions.class, "raiseException", String.class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now",
                TemplateFunctions.class, "strftimeNow", String.class));
        jinjava.getGlobalContext().registerFilter(new ToJsonFilter());
        jinjava.getGlobalContext().registerExpTest(new IterableTest());
        // Templates ask "strftime_now is defined" before calling it (Llama 3.2); a function alone is not "defined".
        jinjava.getGlobalContext().put("strftime_now", "strftime_now");
        jinjava.getGlobalContext().put("raise_exception", "raise_exception");
        return jinjava;
    }
}
