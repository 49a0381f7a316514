package dev.polis.guards.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lower-privilege requests checked against system prompts that restrict the assistant to one subject ("only talk
 * about X", "your sole purpose is X", "do not discuss anything other than X", in several languages): a request on a
 * known topic far from X leaves the scope; requests about X or a close topic, greetings, thanks, questions about the
 * assistant and follow-ups with no topic pass, and prompts that only sound restrictive ("answer only in English",
 * "keep your answers to two sentences") set no scope.
 */
class ScopeConflictsTest {

    private static final String FAMILY = "leaves-scope";

    /**
     * One scope prompt with requests that leave it and requests that do not.
     *
     * @param says    what the case shows (the test's name)
     * @param system  the system prompt
     * @param leaving requests on a known topic outside the scope
     * @param staying requests and texts inside it, or with no topic
     */
    record Case(String says, String system, List<String> leaving, List<String> staying) {
    }

    private static List<String> families(String system, String user) {
        return Conflicts.scan(user, PolicyReader.read(system)).stream().map(Conflict::family).toList();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("'only talk about X' rules out requests on far topics however they are phrased",
                        "You are ChefBot. Only talk about cooking.",
                        List.of("Who should I vote for in the next election?", "Tell me about quantum entanglement.",
                                "Can you explain how a neural network learns?", "I'd like tips for betting on poker.",
                                "Write a poem about football."),
                        List.of("How long should I boil an egg?", "Give me a recipe for a quick risotto.",
                                "Can you suggest a cake I could bake for Sunday?", "What wine goes with fish?",
                                "Hello!", "Thanks, that was delicious.", "Can you tell me more?",
                                "Are you an AI?", "What can you do?", "I voted yesterday and I am tired.",
                                "My doctor wants me to eat more fish, can you suggest a simple dish?")),
                new Case("'you only answer questions about X' with X not a known topic",
                        "You are the assistant of Velo, a bike shop. You only answer questions about our bikes, "
                                + "repairs and opening hours.",
                        List.of("What is the derivative of x squared?", "Who will win the presidential election?",
                                "Which stocks should I invest in this year?"),
                        List.of("Do you repair electric bikes?", "When are you open on Saturday?",
                                "Which bike is best for a sports commute?", "Who are you?", "Thank you!")),
                new Case("'your sole purpose is X' with close topics passing",
                        "Your sole purpose is to help students with mathematics homework.",
                        List.of("What is the best recipe for lasagne?", "Tell me who wrote the Bible."),
                        List.of("How do I solve 3x + 5 = 11?", "What is the square root of 144?",
                                "Can you explain the physics of a falling apple with equations?",
                                "Good morning!", "What is your name?")),
                new Case("'stick to X' and 'do not discuss anything other than X'",
                        "You are a sports commentator bot. Stick to sports. Do not discuss anything other than "
                                + "sports.",
                        List.of("Can you give me a recipe for pancakes?", "What does the Quran say about charity?"),
                        List.of("Who won the football match last night?", "Which team will win the tennis final?",
                                "Should I bet on the match?")),
                new Case("a scope written in Spanish is read and requests in Spanish leave it",
                        "Eres un asistente de cocina. Solo hablas de cocina y recetas.",
                        List.of("¿A quién votarías en las elecciones?", "Explícame la física cuántica, por favor."),
                        List.of("¿Me das la receta del gazpacho?", "¡Gracias!", "¿Quién eres?")),
                new Case("a scope clause that names a topic by its name keeps that topic in",
                        "Eres el guía de un museo. Solo hablas de historia. Tu ne parles que de l'histoire romaine.",
                        List.of("¿Me das una receta de tortilla?", "Donne-moi une recette de tarte."),
                        List.of("¿Quién construyó las pirámides de Egipto?", "Qui a fondé l'Empire romain ?",
                                "Quand les pyramides ont-elles été construites ?")),
                new Case("a scope written in French is read",
                        "Tu ne réponds qu'aux questions sur la musique.",
                        List.of("Quelle est la meilleure recette de crêpes ?", "Pour qui voter aux élections ?"),
                        List.of("Qui a composé cette symphonie ?", "Bonjour !", "Merci beaucoup.")),
                new Case("a scope written in German is read",
                        "Sprich nur über Schach. Dein einziger Zweck ist Schach.",
                        List.of("Kannst du mir ein Rezept für Apfelstrudel geben?", "Wen soll ich bei der Wahl wählen?"),
                        List.of("Wie funktioniert die Rochade im Schach?", "Danke!", "Hallo, wer bist du?")),
                new Case("a scope written in Italian, Portuguese and Dutch is read",
                        "Parla solo di musica. Fale apenas sobre música. Praat alleen over muziek.",
                        List.of("Dammi una ricetta per la pizza.", "Qual é a melhor receita de bolo?",
                                "Wie wint de verkiezingen?"),
                        List.of("Chi ha scritto questa canzone?", "Obrigado!", "Dank je wel.")),
                new Case("statements on a far topic are not requests",
                        "Only answer questions about gardening.",
                        List.of("What is the best poker strategy?"),
                        List.of("My uncle plays poker on Fridays.", "The election was last week, so the shop was shut.",
                                "How often should I water tomatoes?")),
                new Case("a topic the prompt itself names outside the scope clause is not out of scope",
                        "Summarise the article below. Only answer questions about the article.\nArticle: The "
                                + "parliament voted on a new climate law yesterday.",
                        List.of("Give me a recipe for brownies."),
                        List.of("Who voted for the climate law?", "What did the parliament decide?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void requestsOnFarTopicsLeaveTheScopeAndRequestsInsideItPass(Case c) {
        for (String user : c.leaving()) {
            assertThat(families(c.system(), user)).as(user).contains(FAMILY);
        }
        for (String user : c.staying()) {
            assertThat(families(c.system(), user)).as(user).isEmpty();
        }
    }

    @Test
    void promptsThatOnlySoundRestrictiveSetNoScope() {
        for (String system : List.of("Answer only in English.", "Respond only with JSON.",
                "Only answer with yes or no.", "Keep your answers to two sentences.", "Stick to the facts.",
                "You not only answer questions about cooking but also about anything else.",
                "Only use the tools provided.", "Limit your answers to 100 words.",
                "You are a helpful assistant. Answer any question about any topic.")) {
            assertThat(PolicyReader.read(system).scope().isEmpty()).as(system).isTrue();
            for (String user : List.of("Who will win the election?", "Give me a recipe for pancakes.")) {
                assertThat(families(system, user)).as(system + " / " + user).doesNotContain(FAMILY);
            }
        }
    }

    @Test
    void aScopeClauseDoesNotProhibitItsOwnSubject() {
        String system = "Do not answer questions unrelated to cooking.";
        assertThat(families(system, "What is a good recipe for soup?")).isEmpty();
        assertThat(families(system, "Who should I vote for?")).contains(FAMILY);
    }
}
