package dev.polis.guards.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request for how a dish is made is a request for a recipe, whatever it calls it: under "no recipes" it conflicts
 * in any of the languages covered; a request to make something that is not food, a question about food that asks
 * for no making, and the same dish request under a prompt that does not rule recipes out do not.
 */
class DishRequestsTest {

    private static final Policy NO_RECIPES = Policies.of("You take orders for a grocery shop. For allergy reasons, "
            + "providing recipes is not allowed.");

    private static List<String> families(String sentence, Policy policy) {
        return Conflicts.scan(sentence, policy).stream().map(Conflict::family).toList();
    }

    @Test
    void askingHowADishIsMadeBreaksANoRecipesPromptInManyLanguages() {
        for (String text : List.of("How do I make chicken soup?", "How can I make a cheese omelette for two?",
                "¿Cómo se hace una sopa de pescado?", "Comment préparer un poulet rôti ?",
                "Wie mache ich einen Apfelkuchen?", "Come si fa il risotto ai funghi?", "Como fazer bolo de cenoura?",
                "Hoe maak ik pannenkoeken?", "Πώς να φτιάξω κοτόπουλο με ρύζι;", "Как приготовить куриный суп?",
                "Jak zrobić zupę pomidorową?", "Tavuk çorbası nasıl yapılır?", "Bagaimana cara membuat nasi ayam?",
                "Cách làm bánh flan thế nào?", "Hur gör man köttbullar med potatis?", "चिकन करी कैसे बनाते हैं?",
                "鸡肉怎么做好吃？", "親子丼の鶏肉の作り方を教えて", "김치찌개 만드는 법 알려줘", "كيف أحضر شوربة العدس؟",
                "Marinate the beef overnight, then what?")) {
            assertThat(families(text, NO_RECIPES)).as(text).contains("breaks-prohibition");
        }
    }

    @Test
    void makingSomethingThatIsNotFoodOrAskingAboutFoodWithoutMakingItDoesNotConflict() {
        for (String text : List.of("How do I make a return for a damaged parcel?", "How can I make my order arrive "
                + "sooner?", "Do you sell chicken thighs in packs of four?", "Is the cheese in aisle three lactose "
                + "free?", "¿Cómo hago un pedido para el sábado?", "Comment faire une réclamation ?",
                "Wie mache ich eine Bestellung rückgängig?", "Bagaimana cara membuat akun baru?",
                "How do I make sense of Plato's Republic?", "Kako napraviti listu?", "注文の作り方を教えて",
                "Hoe maak ik een reis naar Rome?")) {
            assertThat(families(text, NO_RECIPES)).as(text).isEmpty();
        }
    }

    @Test
    void aDishRequestUnderAPromptThatRulesOutSomethingElseDoesNotConflict() {
        assertThat(families("How do I make chicken soup?", Policies.of("Never discuss politics."))).isEmpty();
        assertThat(families("鸡肉怎么做好吃？", Policies.of("Never discuss politics."))).isEmpty();
    }
}
