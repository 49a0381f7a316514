package dev.polis.govsim.game;

import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.AnalysisRequest;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.DiscussionOutcome;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestOutcome;
import dev.polis.govsim.protocol.HarvestRecord;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.ParseStatus;
import dev.polis.govsim.protocol.Phase;
import dev.polis.govsim.protocol.ReflectionRequest;
import dev.polis.govsim.protocol.TurnRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases of one month of {@link GovSimEnvironment}: what each phase asks ({@link #enter}) and what it does
 * with the answers ({@link #answer}). A phase that addresses nobody (the harvest of an empty pool) yields
 * {@code null}, and the environment answers it at once with no actions.
 */
final class Phases {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String EMPTY_POOL = "the pool is empty; nothing to ask";

    private final GovSimEnvironment env;

    Phases(GovSimEnvironment env) {
        this.env = env;
    }

    /** Enters the month's first phase: the rules for agents that have none yet, else the harvest. */
    Map<String, Observation> first(MonthInProgress m) {
        boolean newcomers = m.present.stream().anyMatch(p -> !env.isBegun(p.id()));
        return enter(m, newcomers ? Phase.BEGIN : Phase.HARVEST);
    }

    /** Applies the answers to the current phase and enters the next one; {@code null} when nobody acts next. */
    Map<String, Observation> answer(MonthInProgress m, Map<String, Action> actions, Map<String, Double> rewards,
                                    Map<String, Object> info) {
        switch (m.phase) {
            case BEGIN -> {
                return enter(m, Phase.HARVEST);
            }
            case HARVEST -> {
                harvest(m, actions, rewards, info);
                return enter(m, Phase.OUTCOME);
            }
            case OUTCOME -> {
                if (env.config().experiment().communication() && !m.present.isEmpty()) {
                    m.chat.add(env.mayorReport(m));
                    m.speaker = m.present.get(0);
                    return enter(m, Phase.TURN);
                }
                return enter(m, Phase.REFLECTION);
            }
            case TURN -> {
                return turn(m, actions.get(m.speaker.id())) ? enter(m, Phase.TURN) : enter(m, Phase.ANALYSIS);
            }
            case ANALYSIS -> {
                m.analysis = GovSimEnvironment.analysis(actions.get(m.present.get(0).id()));
                return enter(m, Phase.DISCUSSION);
            }
            case DISCUSSION -> {
                return enter(m, Phase.REFLECTION);
            }
            case REFLECTION -> {
                for (int i = 0; i < m.present.size(); i++) {
                    Action a = actions.get(m.present.get(i).id());
                    if (a != null && a.data().get("insights") instanceof List<?> list) {
                        m.insights.set(i, list.stream().map(String::valueOf).toList());
                    }
                }
                env.finishMonth();
                return null;
            }
            default -> throw new IllegalStateException("unknown phase " + m.phase);
        }
    }

    private Map<String, Observation> enter(MonthInProgress m, Phase phase) {
        m.phase = phase;
        if (phase == Phase.TURN && m.chat.size() >= env.config().maxConversationEntries()) {
            return enter(m, Phase.ANALYSIS);
        }
        Map<String, Observation> out = new LinkedHashMap<>();
        GovSimConfig config = env.config();
        int monthIndex = m.month();
        switch (phase) {
            case BEGIN -> m.present.stream().filter(p -> env.begin(p.id())).forEach(p -> put(out, p, phase,
                    "The rules of the game.", new GameSetup(config.scenario(), p,
                            env.profiles().stream().map(AgentProfile::name).toList(), config.capacity(),
                            config.horizon(), config.experiment().communication(),
                            config.experiment().universalization(), date(p, env.joinMonth(p))), Map.of()));
            case HARVEST -> {
                if (m.context.poolBefore() > 0) {
                    m.present.forEach(p -> harvestRequest(out, m, p));
                }
            }
            case OUTCOME -> {
                for (int i = 0; i < m.present.size(); i++) {
                    AgentProfile p = m.present.get(i);
                    String text = env.texts().outcome(p.name(), m.wanted[i], m.got[i]);
                    put(out, p, phase, text, new HarvestOutcome(m.context, m.wanted[i], m.got[i], m.left, text), Map.of());
                }
            }
            case TURN -> {
                LocalDate day = discussionDay(m.present.get(0), monthIndex);
                int turnsLeft = config.maxConversationEntries() - m.chat.size() - 1;
                put(out, m.speaker, phase, "Your turn in the group chat.", new TurnRequest(m.context, m.speaker, day,
                        m.context.presentNames(), m.chat, turnsLeft), Map.of());
            }
            case ANALYSIS -> put(out, m.present.get(0), phase, "Analyse the chat.",
                    new AnalysisRequest(m.context, m.chat), Map.of());
            case DISCUSSION -> {
                Optional<String> limit = m.analysis.agreedLimit().map(env.texts()::agreedLimit);
                m.present.forEach(p -> put(out, p, phase, m.analysis.summary(), new DiscussionOutcome(m.context,
                        discussionDay(p, monthIndex), m.chat,
                        m.analysis, limit), Map.of()));
            }
            case REFLECTION -> m.present.forEach(p -> put(out, p, phase, "Reflect on the month.",
                    new ReflectionRequest(m.context, p, reflectionDay(p, monthIndex), List.of("harvesting")), Map.of()));
            default -> throw new IllegalStateException("unknown phase " + phase);
        }
        return out.isEmpty() ? null : out;
    }

    private void harvestRequest(Map<String, Observation> out, MonthInProgress m, AgentProfile p) {
        GovSimConfig config = env.config();
        int pool = m.context.poolBefore();
        int threshold = m.context.perAgentThreshold();
        List<String> events = new ArrayList<>();
        events.add(env.texts().pool(pool));
        Optional<String> hint = Optional.empty();
        if (config.experiment().universalization()) {
            hint = Optional.of(env.texts().universalization(threshold));
            events.add(hint.get());
        }
        List<HarvestRecord> history = new ArrayList<>();
        for (MonthRecord past : env.current().months()) {
            for (AgentMonth mine : past.agents()) {
                if (mine.agentId().equals(p.id())) {
                    history.add(new HarvestRecord(past.month(), past.poolBefore(), mine.wanted(), mine.received()));
                }
            }
        }
        put(out, p, Phase.HARVEST, String.join(" ", events), new HarvestRequest(m.context, p, date(p, m.month()), pool,
                events, hint, history), Map.of("pool", pool, "month", m.month(), "threshold", threshold, "agents",
                m.present.size()));
    }

    private static void put(Map<String, Observation> out, AgentProfile p, Phase phase, String text, Object request,
                            Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>(extra);
        data.put(Phase.KEY, phase.id());
        data.put(GovSimAgent.REQUEST_KEY, request);
        out.put(p.id(), new Observation(p.id(), text, data));
    }

    private void harvest(MonthInProgress m, Map<String, Action> actions, Map<String, Double> rewards,
                         Map<String, Object> info) {
        GovSimConfig config = env.config();
        int pool = m.context.poolBefore();
        for (int i = 0; i < m.present.size(); i++) {
            Action action = actions.get(m.present.get(i).id());
            if (pool == 0) {
                m.answers[i] = EMPTY_POOL;
                m.statuses[i] = ParseStatus.NOT_TEXT.name();
                continue;
            }
            int amount = Math.max(0, amount(action));
            m.wanted[i] = config.clampRequests() ? Math.min(amount, pool) : amount;
            m.answers[i] = action == null ? "" : action.text();
            Object status = action == null ? ParseStatus.NO_NUMBER.name() : action.data().get("status");
            m.statuses[i] = status == null ? "ACTION" : status.toString();
        }
        int[] got = StochasticAllocation.allocate(m.wanted, pool, StochasticAllocation.monthRandom(config.seed(),
                m.month()));
        m.left = pool;
        for (int i = 0; i < got.length; i++) {
            m.got[i] = got[i];
            m.left -= got[i];
            rewards.put(m.present.get(i).id(), (double) got[i]);
        }
        m.collapsed = config.collapseRule().collapsed(m.left, config.collapseThreshold());
        info.put("pool_before", pool);
        info.put("pool_after", m.left);
        info.put("collapsed", m.collapsed);
    }

    /** Adds the speaker's line; returns whether the chat goes on, and with whom. */
    private boolean turn(MonthInProgress m, Action action) {
        String text = action == null ? "" : String.valueOf(action.data().getOrDefault("utterance", action.text()));
        m.chat.add(new ConversationEntry(m.speaker.id(), m.speaker.name(), text));
        boolean concludes = action == null || !(action.data().get("concludes") instanceof Boolean b) || b;
        if (concludes) {
            return false;
        }
        String next = String.valueOf(action.data().getOrDefault("next", "")).trim();
        m.speaker = m.present.stream().filter(p -> p.name().equalsIgnoreCase(next)).findFirst()
                .orElse(m.present.get(0));
        return true;
    }

    /** Returns the agent's own first day of {@code month} (the newcomer's clock restarts under quirk 9). */
    LocalDate date(AgentProfile p, int month) {
        if (p.newcomer() && env.config().newcomerOwnClock()) {
            return GovSimGame.START.plusMonths(Math.max(0, month - env.joinMonth(p)));
        }
        return GovSimGame.START.plusMonths(month);
    }

    /**
     * Returns the agent's own discussion day of {@code month}: the day before the last of its own calendar month.
     * The newcomer's own clock may be in a shorter month than the shared one (its February beside the locals' May),
     * so the day is taken from its own month, never carried over from the shared one.
     */
    LocalDate discussionDay(AgentProfile p, int month) {
        return reflectionDay(p, month).minusDays(1);
    }

    /** Returns the agent's own reflection day of {@code month}: the last day of its own calendar month. */
    LocalDate reflectionDay(AgentProfile p, int month) {
        LocalDate first = date(p, month);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    /** Reads a harvest amount from the action's {@code harvest} data, else from the first number in its text. */
    static int amount(Action action) {
        if (action == null) {
            return 0;
        }
        Object value = action.data().get(GovSimAgent.HARVEST_KEY);
        if (value instanceof Number n) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, n.longValue()));
        }
        Matcher digits = DIGITS.matcher(action.text());
        if (!digits.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(digits.group());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
