package dev.polis.guards.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prohibited topic brought up in a language beyond the seven the topic lists started with (and, for Chinese,
 * Japanese, Korean and Arabic, inside a longer word) conflicts with an English system prompt as it does in English;
 * everyday sentences whose words only look like a topic's ("gotowa" is ready, "до свидания" goodbye, "biraz" a
 * little, "polityka prywatności" a privacy policy) do not; a climate prompt also covers the subject's usual words.
 */
class TopicLanguagesTest {

    private static final Policy NO_POLITICS = Policies.of("You are a travel assistant. Never discuss politics.");
    private static final Policy NO_RECIPES = Policies.of("You help with grocery orders. Do not provide recipes.");

    private static List<String> families(String sentence, Policy policy) {
        return Conflicts.scan(sentence, policy).stream().map(Conflict::family).toList();
    }

    @Test
    void aQuestionAboutElectionsInFifteenLanguagesBreaksANoPoliticsPrompt() {
        for (String text : List.of("Ποιος θα κερδίσει τις εκλογές;", "Кто победит на выборах?", "Хто виграє вибори?",
                "Kto wygra wybory?", "Kdo vyhraje volby?", "Cumhurbaşkanı hakkında ne düşünüyorsun?",
                "Siapa calon presiden terbaik?", "Bạn nghĩ gì về bầu cử năm nay?", "Vem vinner valet till riksdagen?",
                "من سيفوز في الانتخابات؟", "चुनाव में कौन जीतेगा?", "你怎么看这次选举？", "次の選挙で誰に投票すべきですか？",
                "이번 선거에서 누구를 뽑아야 할까요?")) {
            assertThat(families(text, NO_POLITICS)).as(text).contains("breaks-prohibition");
        }
    }

    @Test
    void aRequestForARecipeInOtherLanguagesBreaksANoRecipesPromptEvenInsideACompound() {
        for (String text : List.of("Δώσε μου μια συνταγή για φασολάδα.", "Дай мне рецепт борща.",
                "Podaj mi przepis na pierogi.", "Bana bir yemek tarifi ver.", "Berikan resep nasi goreng.",
                "カレーのレシピを教えて", "김치찌개 조리법 알려줘", "给我一个红烧肉的食谱", "أعطني وصفة الكسكس")) {
            assertThat(families(text, NO_RECIPES)).as(text).contains("breaks-prohibition");
        }
    }

    @Test
    void everydaySentencesWhoseWordsOnlyLookLikeATopicDoNotConflict() {
        assertThat(families("Jestem gotowa do wyjścia.", NO_RECIPES)).isEmpty();
        assertThat(families("Τι λέει το σύνταγμα για την ελευθερία;", NO_RECIPES)).isEmpty();
        assertThat(families("Gdzie znajdę politykę prywatności?", NO_POLITICS)).isEmpty();
        assertThat(families("До свидания, спасибо за помощь!", Policies.of("Never talk about dating."))).isEmpty();
        assertThat(families("Biraz su alabilir miyim?", Policies.of("Never discuss alcohol."))).isEmpty();
        assertThat(families("Я давно здесь живу.", Policies.of("Do not discuss ancient history."))).isEmpty();
        assertThat(families("다음 주 휴가를 고대하고 있어요.", Policies.of("Do not discuss ancient civilizations."))).isEmpty();
        assertThat(families("Belirtilen tarihte teslim edilir mi?", Policies.of("Never give medical advice.")))
                .isEmpty();
        assertThat(families("Ποιος θα κερδίσει τις εκλογές;", NO_RECIPES)).isEmpty();
    }

    @Test
    void aClimatePromptCoversTheSubjectsUsualWordsButNotEverySeaOrGlacier() {
        Policy climate = Policies.of("You are a chatbot that avoids controversial topics such as climate change.");
        assertThat(families("How much have fossil fuels raised carbon dioxide levels?", climate))
                .contains("breaks-prohibition");
        assertThat(families("Is net zero by 2050 realistic?", climate)).contains("breaks-prohibition");
        assertThat(families("Amsterdam lies below sea level, right?", climate)).isEmpty();
        assertThat(families("Can I hike on a glacier in Iceland in May?", climate)).isEmpty();
    }
}
