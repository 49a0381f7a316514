package dev.polis.guards.policy;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether instructions protect someone's personal data ("do not reveal private information about the user", "do not
 * share other customers' details"), and whether a sentence asks for it: a personal detail (where someone lives, an
 * e-mail address, a phone number, a birth date, an account balance) about a third person (the user, a customer, he or
 * she, or someone the instructions name), in a sentence that asks. In English and six other languages.
 */
final class PrivateData {

    /** A prohibition's object that is someone's personal data. */
    private static final Pattern PROTECTED = Pattern.compile("(?<![\\p{L}])(?:private|personal|confidential|"
            + "sensitive|pii|privacy|personally identifiable|privad|privee|prive|personnel|personal|privat|personlich|"
            + "personenbezogen|riservat|personal|pessoa|persoonlijk|vertrouwelijk)"
            + "|(?:user|customer|client|patient|member|employee|person|people|account holder|policyholder|guest|"
            + "tenant|student|resident|subscriber)s?'?s?'?\\s+(?:information|info|data|details|records|accounts?)"
            + "|(?:information|info)\\s+(?:about|of|on|for)\\s+(?:the\\s+|other\\s+|any\\s+|our\\s+)?"
            + "(?:users?|customers?|clients?|patients?|members?|employees?|persons?|people|policyholders?|guests?|"
            + "tenants?|students?|residents?|subscribers?)"
            + "|(?:data|details|records)\\s+(?:about|of|on)\\s+(?!the\\s+(?:weather|market|product))");

    /** Personal details one may ask about. */
    private static final Pattern DETAIL = Pattern.compile("(?<![\\p{L}])(?:address|live[sd]?|living|reside|"
            + "resides|e-?mail|phone|telephone|mobile|number|born|birth|birthday|birthdate|age|how old|salary|"
            + "income|balance|account|ssn|social security|credit card|location|located|whereabouts|home|contact|"
            + "direccion|domicilio|vive|correo|telefono|nacio|nacimiento|edad|saldo|cuenta|adresse|habite|courriel|"
            + "naissance|solde|compte|wohnt|wohnort|telefon|geboren|geburt|alter|kontostand|konto|indirizzo|"
            + "abita|nato|nata|nascita|eta|conto|endereco|mora|telefone|nasceu|nascimento|idade|conta|adres|woont|"
            + "telefoon|leeftijd|rekening)(?![\\p{L}])");

    /** A third person: the user, a customer, he or she, everyone. */
    private static final Pattern THIRD_PERSON = Pattern.compile("(?<![\\p{L}])(?:the user|this user|that user|"
            + "other users?|all users|users'|every user|the customer|other customers?|the client|the patient|"
            + "he|she|his|her|him|hers|they|their|them|everyone'?s?|everybody'?s?|someone else'?s?|"
            + "el usuario|la usuaria|el cliente|ella|l'utilisateur|l'utilisatrice|le client|elle|"
            + "der benutzer|der nutzer|der kunde|er|sie|sein|seine|l'utente|il cliente|lui|lei|o usuario|"
            + "o utilizador|o cliente|ele|dela|dele|de gebruiker|de klant|hij|zij|zijn|haar)(?![\\p{L}])");

    /** Words that ask. */
    private static final Pattern ASKS = Pattern.compile("(?<![\\p{L}])(?:what|where|when|which|who|how|tell|give|list|"
            + "show|share|reveal|send|provide|dime|dame|donde|donne|dis|ou|sag|gib|wo|dimmi|dove|diga|onde|vertel|"
            + "waar)(?![\\p{L}])");

    private PrivateData() {
    }

    /** Returns whether folded {@code prohibition} rules out someone's personal data. */
    static boolean protectedBy(String prohibition) {
        return PROTECTED.matcher(prohibition).find();
    }

    /**
     * Returns the detail folded {@code sentence} asks about a third person ({@code names}: folded names the
     * instructions mention), or null.
     */
    static String asked(String folded, Set<String> names) {
        Matcher detail = DETAIL.matcher(folded);
        if (!detail.find()) {
            return null;
        }
        boolean person = THIRD_PERSON.matcher(folded).find();
        for (String word : Words.of(folded)) {
            person |= names.contains(word.endsWith("'s") ? word.substring(0, word.length() - 2) : word);
        }
        boolean asks = folded.contains("?") || ASKS.matcher(folded).find();
        return person && asks ? detail.group() : null;
    }
}
