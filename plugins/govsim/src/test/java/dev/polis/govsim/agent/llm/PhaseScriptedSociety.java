package dev.polis.govsim.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatRequest;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimGame;
import dev.polis.govsim.game.MonthListener;
import dev.polis.govsim.game.Personas;
import dev.polis.govsim.game.Seat;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.testkit.TestSettings;
import dev.polis.testkit.chat.ScriptedChatModel;

/**
 * A society of five LLM agents on scripted models that answer by the call's phase label, never by the prompt's
 * wording, so that any prompt pack and layout can be played; records every call and event.
 */
final class PhaseScriptedSociety {

    final List<Seat> seats = new ArrayList<>();
    final List<ScriptedChatModel> models = new ArrayList<>();
    final List<ScriptedGovSim.RecordingRun> runs = new ArrayList<>();
    final GovSimConfig config;

    /** Answers each phase plainly: 10 for a harvest, a one-line chat that ends the talk, a limit of 10. */
    static String plainAnswer(ChatRequest request) {
        return switch (request.metadata().get("phase")) {
            case "harvest", "harvest_reask", "agreed_limit" -> "Answer: 10";
            case "utterance" -> "Message: Let us take 10 each.\nConversation over: yes\nNext speaker: John";
            case "importance" -> "6";
            case "insights" -> "1. Ten each keeps the pool full (because of 1)";
            case "summary" -> "They agreed on 10 each.";
            default -> "I will keep to ten.";
        };
    }

    PhaseScriptedSociety(GovSimConfig config, Map<String, ?> settings, Function<ChatRequest, String> answers) {
        this.config = config;
        LlmAgentProvider provider = new LlmAgentProvider(ModelResolver.none());
        for (AgentProfile profile : Personas.profiles(config.texts(), 5, config.experiment().newcomer())) {
            ScriptedChatModel model = ScriptedChatModel.builder().spec("scripted:" + profile.name())
                    .modelName(profile.name()).answer(answers).build();
            ScriptedGovSim.RecordingRun run = new ScriptedGovSim.RecordingRun();
            LlmGovSimAgent agent = provider.create(new AgentContext(profile.id(), TestSettings.of(settings),
                    Optional.of(model), run));
            seats.add(new Seat(profile, agent, profile.newcomer() ? config.newcomerMonth() : 0));
            models.add(model);
            runs.add(run);
        }
    }

    static PhaseScriptedSociety of(Scenario scenario, Experiment experiment, Map<String, ?> settings) {
        return new PhaseScriptedSociety(GovSimConfig.defaults(scenario, experiment, 7), settings,
                PhaseScriptedSociety::plainAnswer);
    }

    /** Plays the whole run. */
    GameState play() {
        GovSimGame game = new GovSimGame(config, seats, null);
        return game.play(game.initialState(), MonthListener.none());
    }

    /** Returns every call of every agent, in order per agent. */
    List<ChatRequest> calls() {
        return models.stream().flatMap(m -> m.requests().stream()).toList();
    }

    /** Returns the events of {@code type} of every agent. */
    List<Map<String, Object>> events(String type) {
        return runs.stream().flatMap(r -> r.ofType(type).stream()).toList();
    }
}
