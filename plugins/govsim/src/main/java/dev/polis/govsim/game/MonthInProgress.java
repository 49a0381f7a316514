package dev.polis.govsim.game;

import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationAnalysis;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.MonthContext;
import dev.polis.govsim.protocol.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the environment knows of the month being played: who is present, the harvest, the chat, the reflections. */
final class MonthInProgress {

    final MonthContext context;
    final List<AgentProfile> present;
    final int[] wanted;
    final int[] got;
    final String[] answers;
    final String[] statuses;
    final List<List<String>> insights = new ArrayList<>();
    final List<ConversationEntry> chat = new ArrayList<>();
    Phase phase;
    AgentProfile speaker;
    ConversationAnalysis analysis = ConversationAnalysis.none();
    int left;
    boolean collapsed;

    MonthInProgress(MonthContext context, List<AgentProfile> present) {
        this.context = context;
        this.present = List.copyOf(present);
        this.wanted = new int[present.size()];
        this.got = new int[present.size()];
        this.answers = new String[present.size()];
        this.statuses = new String[present.size()];
        Arrays.fill(answers, "");
        Arrays.fill(statuses, "ACTION");
        present.forEach(p -> insights.add(List.of()));
        this.left = context.poolBefore();
    }

    int month() {
        return context.month();
    }

    int indexOf(String agentId) {
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i).id().equals(agentId)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the finished month's record. */
    MonthRecord record() {
        List<AgentMonth> agents = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            agents.add(new AgentMonth(present.get(i).id(), present.get(i).name(), wanted[i], got[i], answers[i],
                    statuses[i], insights.get(i)));
        }
        return new MonthRecord(month(), context.poolBefore(), left, context.perAgentThreshold(), agents, chat,
                analysis.summary(), analysis.agreedLimit().orElse(null), collapsed);
    }
}
