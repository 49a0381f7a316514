package dev.polis.govsim.agent.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.polis.govsim.agent.llm.parse.LimitParser;
import dev.polis.govsim.agent.llm.parse.SentenceParser;
import dev.polis.govsim.agent.llm.prompt.FrameworkPrompts;
import dev.polis.govsim.agent.llm.prompt.PromptLayout;
import dev.polis.govsim.agent.llm.prompt.PromptLibrary;
import dev.polis.govsim.protocol.ConversationAnalysis;
import dev.polis.govsim.protocol.ConversationAnalyst;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.MonthContext;

/**
 * The framework model's analysis of a finished chat: a one-sentence summary and the agreed per-person limit,
 * two calls per month (spec §6.4).
 */
final class FrameworkAnalyst implements ConversationAnalyst {

    private final PromptLibrary library;
    private final boolean chainOfThought;
    private final ModelCaller caller;
    private final PromptLayout layout;

    FrameworkAnalyst(PromptLibrary library, boolean chainOfThought, PromptLayout layout, ModelCaller caller) {
        this.library = Objects.requireNonNull(library, "library");
        this.chainOfThought = chainOfThought;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    @Override
    public ConversationAnalysis analyze(MonthContext context, List<ConversationEntry> conversation) {
        FrameworkPrompts prompts = new FrameworkPrompts(library, context.scenario(), chainOfThought, layout);
        List<String> participants = context.presentNames();
        String rawSummary = caller.ask(prompts.summary(participants, conversation), CallPurpose.SUMMARY,
                context.month());
        String rawLimit = caller.ask(prompts.limit(participants, conversation), CallPurpose.AGREED_LIMIT,
                context.month());
        Optional<Integer> limit = LimitParser.parse(rawLimit);
        return new ConversationAnalysis(SentenceParser.firstSentence(rawSummary), limit, rawSummary, rawLimit);
    }
}
