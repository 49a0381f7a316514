package dev.polis.guards.policy;

import java.util.regex.Pattern;

/**
 * Tells a sentence that asks for something (a question, an imperative, a polite "I'd like") from one that states
 * something, and a question about the assistant itself ("Are you an AI?", "¿Quién eres?") from one about a subject.
 */
public final class Requests {

    /** A sentence that asks in English: a question, or an imperative verb first (after "please", "can you", ...). */
    public static final Pattern IMPERATIVE = Pattern.compile("(?i)^(?:please\\s+|kindly\\s+|(?:can|could|would|will)\\s+"
            + "you\\s+(?:please\\s+)?)?(?:write|compose|draft|develop|explain|describe|provide|list|give|show|tell|"
            + "create|generate|summari[sz]e|translate|replace|add|augment|include|calculate|solve|name|suggest|"
            + "recommend|outline|define|compare|prepare|design|convert|rewrite|answer|respond|use|insert|append|"
            + "offer|share|teach|implement|code|build|plan|propose|identify|analy[sz]e|evaluate|discuss)\\b|\\?\\s*$");

    /** A folded sentence that asks in the other languages the policy reads: a question or an imperative first. */
    private static final Pattern OTHER = Pattern.compile("[?？¿]|^(?:(?:por favor|s'il te plait|s'il vous plait|bitte|"
            + "per favore|alsjeblieft|alstublieft),?\\s+)?(?:i'd like|i would like|dime|dame|explica|escribe|cuentame|"
            + "describe|ensename|recomienda|quisiera|me gustaria|dis-moi|donne-moi|donnez-moi|explique|ecris|"
            + "raconte|decris|recommande|je voudrais|j'aimerais|sag mir|gib mir|erklar|schreib|erzahl|beschreib|"
            + "nenn|empfiehl|ich mochte|ich hatte gern|dimmi|dammi|spiega|scrivi|racconta|descrivi|consiglia|"
            + "vorrei|diga-me|de-me|me de|me diga|escreva|conte-me|descreva|recomende|gostaria|vertel|geef|leg uit|"
            + "schrijf|beschrijf|noem|raad|ik wil graag|ik zou graag)(?:me|nos|mi|ci)?(?![\\p{L}])");

    /** A question about the assistant itself rather than a subject. */
    private static final Pattern ABOUT_ASSISTANT = Pattern.compile("(?<![\\p{L}])(?:are you (?:a|an|the|real|human|"
            + "alive|sentient|conscious)|who (?:are|made|built|created|trained|designed|programmed) you|"
            + "what are you|your name|about yourself|what can you do|how do you work|what (?:model|version) are you|"
            + "quien eres|que eres|eres (?:un|una)|como te llamas|qui es-tu|qui etes-vous|es-tu (?:un|une)|"
            + "etes-vous (?:un|une)|comment t'appelles|wer bist du|was bist du|bist du (?:ein|eine)|wie heisst du|"
            + "chi sei|cosa sei|sei (?:un|una)|come ti chiami|quem e voce|quem es|voce e (?:um|uma)|como voce se chama|"
            + "wie ben je|wat ben je|ben je (?:een)|hoe heet je)(?![\\p{L}])");

    /** Where a sentence's parts meet: a comma, semicolon or colon, or "but" and "and". */
    private static final Pattern PARTS = Pattern.compile("\\s*[,;:]\\s*|\\s+(?:but|and|pero|y|mais|et|aber|und|ma|e|mas|"
            + "maar|en)\\s+");

    /** A part that tells something about the user ("my doctor told me", "I watched"), unless it asks. */
    private static final Pattern ABOUT_USER = Pattern.compile("^(?:my|i|i'm|i've|we|our|mi|yo|mis|mon|ma|mes|je|j'ai|"
            + "nous|mein|meine|ich|wir|il mio|la mia|io|meu|minha|eu|mijn|ik|wij)(?![\\p{L}])");

    private Requests() {
    }

    /** Returns whether folded {@code sentence} asks or requests something. */
    public static boolean asks(String folded) {
        String s = folded.strip();
        return IMPERATIVE.matcher(s).find() || OTHER.matcher(s).find();
    }

    /** Returns folded {@code sentence} without its parts that tell something about the user and ask nothing. */
    public static String askingPart(String folded) {
        String[] parts = PARTS.split(folded.strip());
        if (parts.length == 1) {
            return folded;
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!ABOUT_USER.matcher(part).find() || asks(part)) {
                out.append(out.isEmpty() ? "" : " ").append(part);
            }
        }
        return out.toString();
    }

    /** Returns whether folded {@code sentence} asks about the assistant itself. */
    public static boolean aboutAssistant(String folded) {
        return ABOUT_ASSISTANT.matcher(folded).find();
    }
}
