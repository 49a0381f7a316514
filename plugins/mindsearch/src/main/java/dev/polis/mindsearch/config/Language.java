package dev.polis.mindsearch.config;

/** The language of the prompts and of the searcher's problem headings (the original's {@code --lang en|cn}). */
public enum Language {
    /** English prompts. */
    EN("", "## Historical Problem", "Answer:", "## Final Problem", "## Current Problem"),
    /** Chinese prompts (the original's default). */
    CN("-cn", "## 历史问题", "回答：", "## 主问题", "## 当前问题");

    private final String suffix;
    private final String history;
    private final String answer;
    private final String topic;
    private final String current;

    Language(String suffix, String history, String answer, String topic, String current) {
        this.suffix = suffix;
        this.history = history;
        this.answer = answer;
        this.topic = topic;
        this.current = current;
    }

    /** Returns the prompt resource's name in this language. */
    public String prompt(String name) {
        return name + suffix;
    }

    /** Returns the heading of a parent's question. */
    public String history() {
        return history;
    }

    /** Returns the label of a parent's answer. */
    public String answer() {
        return answer;
    }

    /** Returns the heading of the root question. */
    public String topic() {
        return topic;
    }

    /** Returns the heading of the node's own question. */
    public String current() {
        return current;
    }
}
