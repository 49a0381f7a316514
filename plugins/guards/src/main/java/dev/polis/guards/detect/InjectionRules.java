package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written patterns of the attack families in the guards spec: instruction overrides, role switches,
 * system-prompt extraction, secret requests, forged role markers and chat-template tokens, text addressed to the
 * assistant from inside data, exfiltration links and jailbreak framing; answer priming that makes the model voice its
 * own instructions ({@link AnswerPriming}) is one strong family more.
 *
 * <p>Strong rules are specific enough to decide on their own; weak ones (single trigger words) only feed the
 * classifier, which learns from benign texts full of trigger words how much they are worth.
 */
public final class InjectionRules {

    private record Rule(String name, boolean strong, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String OVERRIDE_VERB =
            "(?:ignore|disregard|forget|overlook|bypass|override|abandon|discard|drop|neglect|skip|set aside|"
            + "regardless of|irrespective of|stop following|no longer follow)";
    private static final String PRIOR = "(?:previous|prior|above|earlier|preceding|former|original|initial|all|any|"
            + "your|the|those|these|my|system)";
    private static final String ORDERS = "(?:instructions?|directives?|rules|guidelines|prompts?|commands?|"
            + "restrictions|orders|constraints|programming|guidance|context|tasks?|limits?|limitations|quotas?|caps?|"
            + "polic(?:y|ies)|boundaries|safeguards|guardrails)";

    /** Things a user may ask the assistant to give up: its password, a key, an access code. */
    private static final String SECRET = "(?:password|passcode|passphrase|secret (?:key|word|code|phrase)|api[ _-]?key|"
            + "access code|pin code|pin number|credentials|private key)";
    /** Words after "password" that make it a topic ("the password policy"), not the thing asked for. */
    private static final String SECRET_TOPIC = "(?!\\s+(?:policy|policies|requirements?|rules?|manager|strength|reset|"
            + "field|hint|history|recovery|generator|length|format))";
    /** "What is the password?" in other languages: the question forms only, not the bare word. */
    private static final String SECRET_QUESTIONS = "(?:(?:cu[aá]l es|dime|dame)\\s+(?:la|tu|su)\\s+contrase[nñ]a|"
            + "(?:quel est|donne(?:z)?(?:-moi)?)\\s+(?:le|ton|votre)\\s+mot de passe|(?:was ist|wie lautet|gib mir|geben sie mir|sag mir|sagen sie mir)"
            + "\\s+(?:das|dein|ihr)\\s+passwort|(?:qual (?:é|e)|diga|me d[eê])\\s+a\\s+(?:sua\\s+)?senha|"
            + "какой\\s+(?:у\\s+тебя\\s+)?пароль|(?:скажи|назови|дай)\\S*\\s+(?:мне\\s+)?пароль|密码是什么|"
            + "パスワードは何|비밀번호[가는]\\s*(?:뭐|무엇))";
    /**
     * "Give me your password" in other languages, with the word orders a question's rule misses (German puts the verb
     * last: "wenn Sie mir Ihr Passwort geben"; Romance languages attach the pronoun: "darme tu contraseña"): a verb
     * of giving or telling, "me", and the assistant's ("your") secret. "Bitte geben Sie Ihr Passwort ein" (a login
     * form) has no "mir" and does not count.
     */
    private static final String YOUR_SECRET_REQUESTS = "\\bmir\\s+(?:dein|ihr)e?n?\\s+(?:passwort|kennwort|zugangscode)\\s+"
            + "(?:gibst|geben|gebt|sagst|sagen|verr[aä]tst|verraten|nennst|nennen|schickst|schicken)\\b"
            + "|\\b(?:dime|dame|darme|decirme|rev[eé]lame|revelarme|me\\s+(?:das|des|dices|digas|dar[aá]s|revelas|reveles))"
            + "\\s+(?:tu|su)\\s+contrase[nñ]a"
            + "|\\b(?:(?:dites|donnez|dis|donne|r[eé]v[eé]lez|envoyez)-moi|me\\s+(?:donner|dire|r[eé]v[eé]ler|communiquer|"
            + "envoyer|donnes|donnez|dis|dites))\\s+(?:votre|ton)\\s+mot de passe"
            + "|\\b(?:me\\s+(?:der|d[eê]|diga|dizer|passe|passar|envie|mande)|diga-me|passe-me)\\s+(?:a\\s+)?(?:sua|tua)\\s+senha"
            + "|\\b(?:dimmi|dammi|mi\\s+(?:dici|dai|dica|dia)|dirmi|darmi|rivelami)\\s+(?:la\\s+)?(?:tua|sua)\\s+password"
            + "|\\b(?:geef|vertel|stuur)\\s+(?:me|mij)\\s+(?:je|jouw|uw)\\s+wachtwoord"
            + "|\\b(?:me|mij)\\s+(?:je|jouw|uw)\\s+wachtwoord\\s+(?:geeft|geven|vertelt|vertellen|stuurt|sturen)\\b";
    /** The end of a bare request for the secret ("what is the password?"), as opposed to "the password for the wifi". */
    private static final String SECRET_END = "\\s*(?:[?.!]|$|,?\\s+(?:now|please|again|then|quickly)\\b)";
    private static final String ASK = "(?:what(?:'s| is| was| are)|tell me|give me|share|reveal|confirm|disclose|show me|"
            + "verify|send me|spell out|read out|provide|print|output|say|type)";
    private static final String MODE = "(?:developer|admin|administrator|debug|debugging|maintenance|diagnostic|"
            + "verification|root|override|system|test|testing|service|superuser|privileged|unlocked)";

    private static final List<Rule> RULES = rules(
            rule("override", true, "\\b" + OVERRIDE_VERB + "\\b[^.!?\\n]{0,40}?\\b" + PRIOR + "\\b[^.!?\\n]{0,30}?\\b"
                    + ORDERS + "\\b"),
            rule("override", true, "\\b(?:ignore|disregard|forget)\\s+(?:about\\s+)?(?:that|this|everything|all that)\\b"
                    + "[^.!?\\n]{0,20}[,.;:]?\\s*(?:and\\s+)?(?:instead|now|just|please|can you|tell|say|print|write|give)"),
            rule("override", true, "\\b(?:ignore|disregard|forget)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|that\\s+)?"
                    + "(?:above|previous|preceding|prior|foregoing)(?=\\s*(?:and\\b|[,.;:!]|$))"),
            rule("new-instructions", true, "\\b(?:new|updated|real|actual|true)\\s+(?:instructions?|task|role|rules|"
                    + "objective)\\s*(?::|are|is)"),
            rule("new-instructions", false, "\\b(?:from now on|instead,?\\s+(?:you|say|write|respond|reply|print|output|"
                    + "state|tell))\\b"),
            rule("persona", false, "\\byou\\s+are\\s+(?:now|no longer)\\b|\\bfrom now on,?\\s+you(?:'re|\\s+are)\\b"),
            rule("role-switch", true, "\\bdo anything now\\b|(?-i:\\bDAN\\b)"
                    + "|\\b(?:god|sudo|unrestricted|jailbreak|jailbroken|dan|unfiltered|uncensored|evil|chaos)\\s+mode\\b"
                    + "|\\b(?:enter|entering|activate|activating|enable|enabling|initiate|initiating|"
                    + "switch(?:ing)?\\s+(?:you\\s+|yourself\\s+)?(?:to|into)|"
                    + "engage|engaging|now in|you are in|you're in|put yourself in|boot into)\\s+(?:a\\s+|the\\s+|your\\s+)?"
                    + "['\"\u2018\u201c]?(?:\\w+\\s+)?" + MODE + "\\s+mode\\b(?!\\s+(?:on|in|for)\\s+(?:my|an?|the|this)\\b)"),
            rule("role-switch", false, "\\b(?:pretend|imagine|roleplay|role-play|act)\\s+(?:to be|you are|as|that you)\\b"
                    + "|\\bjailbr(?:eak|oken)\\b|\\bstay in character\\b"),
            rule("extraction", true, "\\b(?:repeat|reveal|show|print|output|display|disclose|leak|dump|spell out|encode|"
                    + "translate|recite|share|give me|tell me|what (?:are|were|is))\\b[^.!?\\n]{0,40}?"
                    + "(?:(?<!\\ban? )system\\s*(?:prompt|message|instructions?|configuration)|initial (?:prompt|instructions?)|"
                    + "your (?:instructions|initial|original|hidden|secret|full|exact) ?(?:prompt|instructions)?|"
                    + "(?:text|everything|words|message) above|the above (?:text|words|message|prompt|instructions)|"
                    + "first message|starting instructions)"),
            rule("extraction", false, "\\b(?:systemprompt|system_prompt|initial prompt|instructions you were given|"
                    + "you were (?:told|instructed|given))\\b"),
            rule("secret-request", true, "\\b(?<!\\bnot )(?<!\\bnever )(?<!n't )(?<!\\bno one )" + ASK + "\\s+(?:me\\s+)?(?:(?:again|now|quickly|please),?\\s+)?"
                    + "(?:your|the system'?s|our system'?s|this system'?s|the bot'?s|the assistant'?s)\\s+(?:\\w+\\s+)?"
                    + SECRET + "\\b" + SECRET_TOPIC + "|\\b(?:the|a|your)\\s+" + SECRET
                    + "\\s+(?:for|of|to)\\s+(?:this|our|the|your)\\s+(?:system|mode|account|bot|assistant|ai|server)\\b"),
            rule("secret-request", true, "\\b" + ASK + "\\s+(?:me\\s+)?the\\s+" + SECRET + SECRET_END),
            rule("secret-request", true, SECRET_QUESTIONS + SECRET_END),
            rule("secret-request", true, YOUR_SECRET_REQUESTS),
            rule("secret-request", false, "\\b" + ASK + "\\s+(?:me\\s+)?(?:the\\s+)?" + SECRET + "\\b" + SECRET_TOPIC),
            rule("secret-request", false, SECRET_QUESTIONS),
            rule("authority-claim", true, "\\b(?:I(?:'m| am)|as)\\s+(?:god\\b|your\\s+(?:creator|maker|master|owner|"
                    + "developer|programmer|administrator|admin|operator)\\b)"),
            rule("obedience", false, "\\byou\\s+(?:have to|must|will|shall|are required to)\\s+(?:now\\s+)?"
                    + "(?:answer|obey|comply with|do|follow|fulfil|fulfill)\\s+(?:all|every|any|whatever|everything)\\b"),
            rule("secret", false, "\\b(?:password|passcode|passphrase|secret (?:key|word|code)|api[ _-]?key|"
                    + "access code|credentials?|private key)\\b|contrase[nñ]a|mot de passe|passwort|\\bsenha\\b|"
                    + "парол|密码|パスワード|비밀번호|पासवर्ड"),
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
            rule("exfiltration", false, "\\b(?:send|forward|email|post|upload|transmit|copy|leak)\\s+(?:it|this|them|"
                    + "(?:the|all|every|any|my|your|their|our|his|her)\\s+(?:\\w+\\s+){0,2}?(?:data|details|information|"
                    + "conversation|history|files?|list|messages?|e-?mails?|passwords?|credentials|contacts?|chats?|logs?|"
                    + "documents?|records?|keys?|tokens?))\\s+to\\b"
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
            rule("urgency", false, "\\b(?:important|urgent|attention|warning|note to (?:ai|assistant))\\s*[!:]"),
            rule("encode-output", false, "\\b(?:encode|encrypt|encipher|write|convert|translate|transform|render|give|"
                    + "present|format|spell|deliver|output)\\s+(?:(?:all|each|every|the)\\s+)?(?:of\\s+)?(?:your|the)\\s+"
                    + "(?:entire\\s+|whole\\s+|final\\s+|next\\s+)?(?:answer|reply|response|output|summary|message)s?\\s+"
                    + "(?:\\w+\\s+){0,3}?(?:in|into|using|with|as)\\s+(?:an?\\s+)?(?:base\\s?64|hex(?:adecimal)?|binary|morse|"
                    + "caesar|rot-?13|leet(?:speak)?|pig latin|reverse|backwards|emojis?|ciphers?|code words)\\b"),
            rule("encode-output", false, "\\b(?:replace|substitute|swap|exchange|change|convert|switch)\\s+(?:(?:all|each|"
                    + "every|the)\\s+)*(?:of\\s+the\\s+)?(?:vowels?|consonants?|letters?|characters?|alphabets?)\\b"
                    + "[^.!?\\n]{0,40}?\\b(?:with|by|for|into|to)\\b"),
            rule("encode-output", false, "\\b(?:write|spell|type|print|reverse)\\s+(?:your|the|each|every)\\s+(?:\\w+\\s+)?"
                    + "(?:answer|reply|response|output|summary|words?|sentences?)\\s+(?:backwards|in reverse)\\b"));

    private static List<Rule> rules(Rule... english) {
        List<Rule> all = new ArrayList<>(List.of(english));
        for (String regex : MultilingualRules.overrides()) {
            all.add(rule("override", true, regex));
        }
        return List.copyOf(all);
    }

    /**
     * Families that decide alone in embedded data (tool output, another model's words) though not in direct input:
     * text that tells the assistant what to put in its answer, who to be or how to encipher its answer is an aligned
     * refinement from a user ("in your answer, use bullet points", "you are now my study buddy", "reply in pig
     * latin") and an injection from a web page or an e-mail: a document written for a person does not ask its reader
     * to swap the letters of their reply or write it in base64.
     */
    public static final Set<String> STRONG_WHEN_EMBEDDED = Set.of("steer-output", "persona", "encode-output");

    /**
     * Families that name a topic attacks often touch (passwords, a user's personal data, decoding, a hypothetical,
     * an urgent tone) without being a move against the instruction hierarchy themselves: benign requests are full
     * of them, so alone they do not count as a cue (see {@link InjectionDetector}).
     */
    public static final Set<String> TOPICAL = Set.of("secret", "private-data", "decode-request", "hypothetical",
            "urgency");

    /**
     * Returns whether {@code hits} hold a family other than the {@link #TOPICAL} ones and a user's revision of their
     * own request ({@link OwnRequestRevisions}), which is no move against the hierarchy either.
     */
    public static boolean cued(List<RuleHit> hits) {
        return hits.stream().anyMatch(h -> !TOPICAL.contains(h.rule()) && !h.rule().equals(OwnRequestRevisions.FAMILY));
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
        AnswerPriming.find(lower != null ? lower : RulePrefilter.lower(text), prefilter).ifPresent(found ->
                hits.add(new RuleHit(AnswerPriming.FAMILY, true, 0, text.length(), found)));
        return hits;
    }

    /**
     * Returns every rule match in {@code text} scanned sentence by sentence (as the detector scans it), with offsets
     * into {@code text}: cheaper than {@link #scan(String)} on a long text, whose patterns with bounded gaps would
     * otherwise be tried from every position of the whole message.
     */
    public static List<RuleHit> scanSentences(String text) {
        Passages.Cut cut = Passages.cut(text);
        List<List<RuleHit>> perSentence = new ArrayList<>();
        for (String sentence : cut.sentences()) {
            perSentence.add(scan(sentence));
        }
        return offset(perSentence, cut.starts());
    }

    /** Returns the hits of each sentence moved by that sentence's start, in one list. */
    static List<RuleHit> offset(List<List<RuleHit>> perSentence, List<Integer> starts) {
        List<RuleHit> out = new ArrayList<>();
        for (int i = 0; i < perSentence.size(); i++) {
            int start = starts.get(i);
            for (RuleHit h : perSentence.get(i)) {
                out.add(start == 0 ? h : new RuleHit(h.rule(), h.strong(), h.start() + start, h.end() + start, h.text()));
            }
        }
        return out;
    }

    /** Returns the number of rule patterns, for {@link RulePrefilter}'s check. */
    static int patterns() {
        return RULES.size();
    }
}
