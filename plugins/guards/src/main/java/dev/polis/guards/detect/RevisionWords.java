package dev.polis.guards.detect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Holds the words a user's revision of their own request is read with ({@link OwnRequestRevisions}), in English,
 * Spanish, French, German, Italian, Portuguese and Dutch, as regular-expression alternations over folded text
 * ({@link AccentFolding}): verbs of dropping, the nouns of a piece of work, and the words that make an object the
 * assistant's orders or someone else's instead of the user's own.
 */
final class RevisionWords {

    /**
     * One language's words, each a regular-expression alternation over folded text.
     *
     * @param verbs     verbs (and set phrases) of dropping something
     * @param owners    what opens a noun phrase: articles, possessives, demonstratives
     * @param mine      the first-person possessives ("my"), which alone make a {@code materials} noun the user's
     * @param outputs   nouns of a piece of work a user asks the assistant for (a poem, a draft, a summary, a question)
     * @param materials nouns of material a task may be about (an e-mail, code, a recipe): the user's own only as "my"
     *                  one, since in a direct message "the function" may be the one the system prompt gives
     * @param pointers  the user's own words pointed at ("what I said"), complete objects
     * @param pronouns  a bare "that" or "this", counted only beside a request for new work
     * @param makers    verbs asking for a new piece of work, for the pronoun case
     * @param instead   the words that send the reader to the new request
     */
    record Language(String verbs, String owners, String mine, String outputs, String materials, String pointers,
            String pronouns, String makers, String instead) {
    }

    /** The seven languages' words: English, Spanish, French, German, Italian, Portuguese, Dutch. */
    static final List<Language> LANGUAGES = List.of(
            new Language("forget(?:\\s+about)?|ignore|disregard|scrap|scratch|drop|skip|cancel|ditch|discard|"
                    + "never\\s*mind|(?:don't|do not) worry about",
                    "the|my|that|this|your|our", "my|our",
                    "poems?|haikus?|limericks?|sonnets?|verses?|rhymes?|stor(?:y|ies)|essays?|drafts?|versions?|"
                    + "questions?|requests?|quer(?:y|ies)|lists?|summar(?:y|ies)|translations?|answers?|repl(?:y|ies)|"
                    + "responses?|examples?|jokes?|songs?|lyrics|titles?|headlines?|slogans?|outlines?|toasts?|ideas?|"
                    + "suggestions?|one|bit|part",
                    "e-?mails?|letters?|notes?|sentences?|paragraphs?|code|scripts?|functions?|plans?|recipes?|"
                    + "descriptions?|articles?|posts?|tweets?|reports?|speech(?:es)?|reviews?",
                    "what i (?:just\\s+)?(?:said|asked(?: you)?(?: for| to do)?|wrote|typed|requested|mentioned|meant|sent)",
                    "that|this|it",
                    "write|make|compose|draft|create|generate|give me|tell me|try|turn it into|suggest|come up with",
                    "instead"),
            new Language("olvida(?:te)?(?:\\s+de)?|olvide(?:se)?(?:\\s+de)?|olvidalo|ignora|descarta|descarte|deja|borra|"
                    + "cancela|no importa|da igual|no hagas caso (?:a|de)",
                    "el|la|los|las|mi|mis|tu|tus|su|sus|ese|esa|este|esta|lo del|lo de la", "mis?",
                    "poemas?|cuentos?|historias?|ensayos?|borradores?|version(?:es)?|preguntas?|peticion(?:es)?|"
                    + "solicitud(?:es)?|consultas?|listas?|resumen(?:es)?|traduccion(?:es)?|respuestas?|ejemplos?|"
                    + "chistes?|cancion(?:es)?|titulos?|eslogan",
                    "correos?|e-?mails?|cartas?|codigo|guion|recetas?|descripcion(?:es)?|articulos?|informes?|"
                    + "discursos?|parrafos?|frases?",
                    "lo que (?:te\\s+)?(?:dije|pedi|escribi|pregunte|mencione)",
                    "eso|esto",
                    "escribe(?:me)?|haz(?:me)?|dame|redacta(?:me)?|compon(?:me)?|crea(?:me)?|genera(?:me)?|cuentame",
                    "en su lugar|en vez de eso|mejor"),
            new Language("oublie|oubliez|ignore|ignorez|laisse tomber|laissez tomber|annule|annulez|peu importe|"
                    + "ne (?:tiens|tenez) pas compte d(?:e|u|es)",
                    "le|la|les|l'|mon|ma|mes|ton|ta|tes|votre|vos|ce|cet|cette", "mon|ma|mes",
                    "poemes?|histoires?|contes?|essais?|brouillons?|versions?|questions?|demandes?|requetes?|listes?|"
                    + "resumes?|traductions?|reponses?|exemples?|blagues?|chansons?|titres?|slogans?",
                    "e-?mails?|mails?|courriels?|lettres?|code|scripts?|recettes?|descriptions?|articles?|rapports?|"
                    + "discours|paragraphes?|phrases?",
                    "ce que (?:je t'ai|je vous ai|j'ai) (?:dit|demande|ecrit)",
                    "ca|cela",
                    "ecris(?:-moi)?|ecrivez(?:-moi)?|fais(?:-moi)?|faites(?:-moi)?|donne-moi|donnez-moi|redige|"
                    + "compose|cree|raconte-moi",
                    "plutot|a la place"),
            new Language("vergiss|vergessen sie|ignoriere|ignorieren sie|streich|streiche|lass|lassen sie|egal|"
                    + "verwirf|verwerfen sie",
                    "das|die|den|der|dem|mein|meine|meinen|dein|deine|deinen|ihr|ihre|ihren|dieses|diese|diesen",
                    "mein|meine|meinen|meinem|meiner",
                    "\\w*(?:gedicht|geschichte|aufsatz|essay|entwurf|version|frage|anfrage|liste|zusammenfassung|"
                    + "ubersetzung|antwort|beispiel|witz|lied|titel|slogan)(?:e|en|n|s|er)?",
                    "\\w*(?:mail|brief|code|skript|rezept|beschreibung|artikel|bericht|rede|absatz|satz)(?:e|en|n|s|er)?",
                    "was ich (?:gerade\\s+)?(?:gesagt|gefragt|geschrieben|verlangt) habe",
                    "das|dies",
                    "schreib(?:e)?|mach(?:e)?|gib mir|erzahl(?:e)? mir|verfasse|erstelle",
                    "stattdessen|lieber"),
            new Language("dimentica|dimenticate|ignora|ignorate|lascia perdere|lascia stare|lasciate perdere|"
                    + "lasciamo perdere|non importa|annulla|scarta",
                    "il|lo|la|i|gli|le|l'|mio|mia|miei|mie|tuo|tua|quel|quella|quello|questo|questa",
                    "(?:(?:il|la|i|le)\\s+)?(?:mio|mia|miei|mie)",
                    "poesi[ae]|stori[ae]|raccont[oi]|saggi?o?|bozz[ae]|version[ei]|domand[ae]|richiest[ae]|"
                    + "elenc(?:o|hi)|list[ae]|riassunt[oi]|traduzion[ei]|rispost[ae]|esemp(?:io|i)|barzellett[ae]|"
                    + "canzon[ei]|titol[oi]|slogan",
                    "e-?mail|mail|letter[ae]|codice|script|ricett[ae]|descrizion[ei]|articol[oi]|rapport[oi]|"
                    + "relazion[ei]|discors[oi]|paragraf[oi]|fras[ei]",
                    "quello che (?:ti\\s+)?ho (?:detto|chiesto|scritto)",
                    "quello|questo|cio",
                    "scrivi(?:mi)?|fa(?:i|mmi)|dammi|componi|crea(?:mi)?|raccontami",
                    "invece|piuttosto"),
            new Language("esqueca|esquece|esquecam|ignore|ignora|deixa pra la|deixa para la|deixe pra la|"
                    + "deixe para la|cancela|cancele|descarta|descarte|nao importa|desconsidere|desconsidera",
                    "o|a|os|as|meu|minha|meus|minhas|seu|sua|teu|tua|esse|essa|este|esta|aquele|aquela",
                    "(?:(?:o|a|os|as)\\s+)?(?:meu|minha|meus|minhas)",
                    "poemas?|historias?|contos?|redac(?:ao|oes)|ensaios?|rascunhos?|vers(?:ao|oes)|perguntas?|"
                    + "pedidos?|solicitac(?:ao|oes)|listas?|resumos?|traduc(?:ao|oes)|respostas?|exemplos?|piadas?|"
                    + "canc(?:ao|oes)|musicas?|titulos?|slogan",
                    "e-?mails?|cartas?|codigo|script|receitas?|descric(?:ao|oes)|artigos?|relatorios?|discursos?|"
                    + "paragrafos?|frases?",
                    "o que eu (?:te\\s+)?(?:disse|pedi|escrevi|perguntei)",
                    "isso|isto",
                    "escreva|escreve|faca|faz|me de|de-me|crie|componha|conte-me|me conta",
                    "em vez disso|ao inves disso|em vez"),
            new Language("vergeet|negeer|schrap|laat maar(?:\\s+zitten)?|annuleer|sla over",
                    "het|de|mijn|je|jouw|uw|dat|die|dit|deze", "mijn",
                    "gedicht(?:en)?|verha(?:al|len)|essays?|opstel(?:len)?|concepten?|versies?|vra(?:ag|gen)|"
                    + "verzoek(?:en)?|lijst(?:en)?|samenvatting(?:en)?|vertaling(?:en)?|antwoord(?:en)?|"
                    + "voorbeeld(?:en)?|grap(?:pen)?|mop(?:pen)?|liedje|lied(?:eren)?|titels?|slogan",
                    "e-?mails?|mails?|brie(?:f|ven)|code|script|recepten?|beschrijving(?:en)?|artikel(?:en)?|"
                    + "rapport(?:en)?|verslag(?:en)?|toespra(?:ak|ken)|alinea'?s?|zin(?:nen)?",
                    "wat ik (?:net\\s+)?(?:zei|vroeg|schreef|gezegd heb|gevraagd heb)",
                    "dat|dit",
                    "schrijf|maak|geef me|vertel me|bedenk",
                    "in plaats daarvan|liever"));

    /** Names of the assistant's orders in the seven languages: a revision's object never holds one. */
    static final Pattern ORDERS = Pattern.compile("\\b(?:instruc|instruk|istruz|directiv|directriz|direttiv|"
            + "diretriz|guideline|guidance|richtlijn|richtlinie|linee guida|rule|regla|regle|regel|regol|regra|prompt|"
            + "system|sistem|program|restrict|constraint|polic|boundar|safeguard|guardrail|limit|command|comand|befehl|"
            + "order|orden|ordre|ordin|context|configur|konfigur|training|task|tarea|tache|aufgabe|compit|tarefa|taak|"
            + "opdracht|anweisung|vorgabe|consigne|indicac|indicaz|aanwijzing|directions?\\b|setting)");

    /**
     * Words that make an object someone else's: what stands above a direct message ("the above question") is the
     * system prompt, and "the user's request" is spoken of by a third party, not by the user.
     */
    static final Pattern NOT_OWN = Pattern.compile("\\b(?:above|preceding|foregoing|arriba|dessus|oben|obig|"
            + "sopra|acima|boven|users?\\b|user's|usuario|utilisateur|benutzer|nutzer|utente|utilizador|gebruiker)");

    /** ASCII stems one of which every revision's verb holds, on the lower-cased sentence: a cheap test first. */
    static final String[] VERB_STEMS = {"forget", "ignor", "disregard", "scrap", "scratch", "drop", "skip",
        "cancel", "ditch", "discard", "mind", "worry", "olvid", "descart", "deja", "borra", "importa", "igual", "caso",
        "oubli", "laiss", "annul", "compte", "vergi", "vergess", "streich", "lass", "egal", "verwirf", "verwerf",
        "dimentic", "perder", "stare", "scarta", "esque", "deix", "desconsider", "vergeet", "negeer", "schrap", "laat",
        "annuleer", "import", "sla over"};

    private RevisionWords() {
    }
}
