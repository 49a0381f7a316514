package dev.polis.govsim.agent.llm.memory;

/** Says what a memory node records. */
public enum MemoryKind {
    /** Something the agent observed: the pool level, its own catch, a hint. */
    EVENT,
    /** Something the agent concluded: a chat thought, an insight, the agreed limit. */
    THOUGHT,
    /** The summary of a group chat; stored but, as in the original, never retrieved. */
    CHAT,
    /** Something the agent did. */
    ACTION
}
