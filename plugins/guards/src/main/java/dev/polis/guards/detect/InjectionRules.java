package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written patterns of the attack families in the guards spec: instruction overrides, role switches,
 * system-prompt extraction, secret requests, forged role markers and chat-template tokens, text addressed to the
 * assistant from inside data, exfiltration links and jailbreak framing.
 *
 * <p>Strong rules are specific enough to decide on their own; weak ones (single trigger words) only feed the
 * classifier, which learns from benign texts full of trigger words how much they are worth.
 */
public final class InjectionRules {

    private record Rule(String name, boolean strong, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String OVERRIDE_VERB =
            "(?:ignore|disregard|forget|overlook|bypass|override|abandon|discard|drop|neglect|skip|set aside)";
    private static final String PRIOR = "(?:previous|prior|above|earlier|preceding|former|original|initial|all|any|"
            + "your|the|those|these|my|system)";
    private static final String ORDERS = "(?:instructions?|directives?|rules|guidelines|prompts?|commands?|"
            + "restrictions|orders|constraints|programming|guidance|context|task|limits?|limitations|quotas?|caps?|"
            + "polic(?:y|ies)|boundaries|safeguards|guardrails)";

    private static final List<Rule> RULES = List.of(
            rule("override", true, "\\b" + OVERRIDE_VERB + "\\b[^.!?\\n]{0,40}?\\b" + PRIOR + "\\b[^.!?\\n]{0,30}?\\b"
                    + ORDERS + "\\b"),
            rule("override", true, "\\b(?:ignore|disregard|forget)\\s+(?:about\\s+)?(?:that|this|everything|all that)\\b"
                    + "[^.!?\\n]{0,20}[,.;:]?\\s*(?:and\\s+)?(?:instead|now|just|please|can you|tell|say|print|write|give)"),
            rule("new-instructions", true, "\\b(?:new|updated|real|actual|true)\\s+(?:instructions?|task|role|rules|"
                    + "objective)\\s*(?::|are|is)"),
            rule("new-instructions", false, "\\b(?:from now on|instead,?\\s+(?:you|say|write|respond|reply|print|output|"
                    + "state|tell))\\b"),
            rule("role-switch", true, "\\byou\\s+are\\s+(?:now|no longer)\\b|\\bdo anything now\\b|(?-i:\\bDAN\\b)"
                    + "|\\b(?:developer|god|admin|sudo|maintenance|debug|unrestricted|jailbreak)\\s+mode\\b"),
            rule("role-switch", false, "\\b(?:pretend|imagine|roleplay|role-play|act)\\s+(?:to be|you are|as|that you)\\b"
                    + "|\\bjailbr(?:eak|oken)\\b|\\bstay in character\\b"),
            rule("extraction", true, "\\b(?:repeat|reveal|show|print|output|display|disclose|leak|dump|spell out|encode|"
                    + "translate|recite|share|give me|tell me|what (?:are|were|is))\\b[^.!?\\n]{0,40}?"
                    + "(?:(?<!\\ban? )system\\s*(?:prompt|message|instructions?|configuration)|initial (?:prompt|instructions?)|"
                    + "your (?:instructions|initial|original|hidden|secret|full|exact) ?(?:prompt|instructions)?|"
                    + "(?:text|everything|words|message) above|first message|starting instructions)"),
            rule("extraction", false, "\\b(?:systemprompt|system_prompt|initial prompt|instructions you were given|"
                    + "you were (?:told|instructed|given))\\b"),
            rule("secret", false, "\\b(?:password|passcode|passphrase|secret (?:key|word|code)|api[ _-]?key|"
                    + "access code|credentials?|private key)\\b"),
            rule("forged-marker", true, "<\\|[a-z_]{2,20}\\|>|\\[/?INST\\]|<<SYS>>|<start_of_turn>|<end_of_turn>|"
                    + "(?:^|\\n)\\s*(?:#+\\s*)?(?:system|admin)\\s*(?:message|prompt|override|instruction)\\s*:"
                    + "|\\[(?:system|admin|assistant)\\]|</?(?:system|instructions?)>"),
            rule("forged-marker", false, "(?:^|\\n)\\s*(?:system|assistant|admin|root)\\s*:"),
            rule("addressed-to-model", false, "\\b(?:ai|assistant|language model|chatbot|llm|gpt|bot)\\b[^.!?\\n]{0,40}"
                    + "\\b(?:must|should|will|needs? to|have to|please)\\b"),
            rule("addressed-to-model", false, "\\b(?:in|to|into|at the (?:end|beginning|start) of)\\s+your\\s+"
                    + "(?:reply|code|solution|implementation)\\b|\\bwhen (?:you |)(?:summari[sz]|answer|respond|repl)\\w*"),
            rule("steer-output", false, "\\b(?:in|to|into|at the (?:end|beginning|start) of|throughout)\\s+your\\s+"
                    + "(?:response|answer|summary|output|translation|completion|explanation)\\b"),
            rule("steer-output", false, "\\b(?:add|include|insert|append|prepend|integrate|incorporate|mention|"
                    + "augment|modify|change|alter|end|begin|start|finish|conclude|embed|put|weave)\\b[^.!?\\n]{0,80}?"
                    + "\\byour\\s+(?:response|answer|summary|output|translation|completion|explanation)\\b"),
            rule("exfiltration", true, "!\\[[^\\]]*\\]\\(https?://[^)\\s]*\\?[^)\\s]*=[^)]*\\)"),
            rule("exfiltration", false, "\\b(?:send|forward|email|post|upload|transmit)\\s+(?:it|this|them|the "
                    + "(?:data|details|information|conversation|history|file|list))\\s+to\\b"
                    + "|\\b(?:click|visit|go to|open)\\s+(?:this|the following|the)\\s+(?:link|url|site|website)\\b"),
            rule("jailbreak", false, "\\b(?:no|without(?: any)?|free of|free from)\\s+(?:restrictions|limits|limitations|"
                    + "filters|censorship|rules|ethical guidelines|morals|boundaries)\\b|\\buncensored\\b|\\bunfiltered\\b"),
            rule("authority-claim", false, "\\bI(?:'m| am)\\s+(?:a|an|the|your)\\s+(?:\\w+\\s+)?(?:police|officer|detective|"
                    + "developer|administrator|admin|engineer|investigator|auditor|ceo|owner|creator|supervisor|"
                    + "moderator|agent)\\b|\\b(?:authori[sz]ed|clearance|official) (?:request|personnel|investigation)\\b"),
            rule("hypothetical", false, "\\b(?:imagine|hypothetical(?:ly)?|suppose|in a (?:fictional|parallel|alternate)"
                    + " (?:world|universe|scenario)|let's play a game|in this (?:scenario|story|game))\\b"),
            rule("payload-split", false, "\\bpart\\s*(?:1|one|a)\\b[\\s\\S]{0,200}?\\bpart\\s*(?:2|two|b)\\b"
                    + "|\\b(?:concatenate|combine|interlace|join) (?:the |these )?(?:parts|strings|pieces|halves)\\b"),
            rule("many-shot", false, "(?:\\bQ:[\\s\\S]{1,300}?){3}"),
            rule("repeated-token", false, "\\b(\\w{2,})(?:\\W+\\1\\b){7}"),
            rule("private-data", false, "\\b(?:the |this |that )?(?:user|customer|client|patient)'?s\\s+(?:\\w+\\s+)?"
                    + "(?:birth|address|location|city|phone|e-?mail|ssn|social security|credit card|password|"
                    + "real name|age|salary|account|personal|private|medical)"),
            rule("decode-request", false, "\\b(?:decode|decipher|decrypt|unscramble)\\b|\\bmorse\\b|\\bbase64\\b"),
            rule("urgency", false, "\\b(?:important|urgent|attention|warning|note to (?:ai|assistant))\\s*[!:]"));

    /**
     * Families that decide alone in embedded data (tool output, another model's words) though not in direct input:
     * text that tells the assistant what to put in its answer is an aligned refinement from a user ("in your
     * answer, use bullet points") and an injection from a web page or an e-mail.
     */
    public static final Set<String> STRONG_WHEN_EMBEDDED = Set.of("steer-output");

    /**
     * Families that name a topic attacks often touch (passwords, a user's personal data, decoding, a hypothetical,
     * an urgent tone) without being a move against the instruction hierarchy themselves: benign requests are full
     * of them, so alone they do not count as a cue (see {@link InjectionDetector}).
     */
    public static final Set<String> TOPICAL = Set.of("secret", "private-data", "decode-request", "hypothetical",
            "urgency");

    /** Returns whether {@code hits} hold a family other than the {@link #TOPICAL} ones. */
    public static boolean cued(List<RuleHit> hits) {
        return hits.stream().anyMatch(h -> !TOPICAL.contains(h.rule()));
    }

    private static Rule rule(String name, boolean strong, String regex) {
        return new Rule(name, strong, Pattern.compile(regex, FLAGS));
    }

    private InjectionRules() {
    }

    /** Returns every rule match in {@code text}, rule by rule, first match of each pattern only. */
    public static List<RuleHit> scan(String text) {
        return scan(text, true);
    }

    /**
     * Returns every rule match in {@code text}; with {@code prefilter}, patterns whose literals the text lacks are
     * not run (the same result, faster; {@link RulePrefilter}).
     */
    static List<RuleHit> scan(String text, boolean prefilter) {
        String lower = prefilter ? RulePrefilter.lower(text) : null;
        List<RuleHit> hits = new ArrayList<>();
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            if (prefilter && !RulePrefilter.mayMatch(i, lower)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                hits.add(new RuleHit(rule.name(), rule.strong(), m.start(), m.end(), m.group()));
            }
        }
        return hits;
    }

    /** Returns the number of rule patterns, for {@link RulePrefilter}'s check. */
    static int patterns() {
        return RULES.size();
    }
}
