package dev.polis.guards.policy;

import java.util.Map;

/**
 * Names the {@link Topics} in languages beyond the seven their own lists are written in, so that a prohibited
 * subject brought up in Greek, Russian, Ukrainian, Polish, Czech, Turkish, Indonesian and Malay, Vietnamese,
 * Swedish, Danish and Norwegian, Arabic, Hindi, Chinese, Japanese or Korean conflicts as it does in English: users
 * write in their own language whatever language the system prompt is in.
 *
 * <p>Written for this plugin from ordinary dictionaries: for each topic its common name and the few words that
 * plainly name it (a recipe, cooking; an election; a doctor, a disease), never a particular dish, person or event.
 * Stems are written as a reader would and folded like the text ({@link Words#fold}: lower case, accents and
 * combining marks removed; Hangul and kana decomposed), so accented and unaccented spellings meet. Stems in
 * scripts written without spaces between words (Chinese, Japanese, Korean's compounds, Arabic's attached articles)
 * match anywhere in a word, the others at its start. Words that are also common words of another meaning are left
 * out ("gotowa" is "ready" in Polish, "술" is inside "기술", technique, in Korean; "din" is "from" in Romanian).
 */
final class TopicTranslations {

    private static final Map<String, String> STEMS = Map.ofEntries(
            Map.entry("recipes and cooking", "συνταγη|συνταγες|μαγειρ|рецепт|кулинар|кулінар|приготовить|приготовлени|"
                    + "przepis na|przepisy kulinarn|gotowani|ugotowa|kulinarn|vareni|varit|yemek tarif|"
                    + "pişir|resep|memasak|masakan|cong thuc nau|nau an\\b|cach nau|mon an\\b|opskrift|oppskrift|"
                    + "matlagning|matlaging|madlavning|laga mat|وصفة|وصفات|طبخ|الطهي|रेसिपी|पकाने|पकाना|व्यंजन|"
                    + "食谱|食譜|菜谱|菜譜|烹饪|烹飪|烹调|烹調|做菜|レシピ|料理|調理|레시피|요리|조리법"),
            Map.entry("baking", "выпечк|испечь|wypiek|pieczeni|upiec|memanggang|bakning|烘焙|焼き菓子|お菓子作り|"
                    + "パン作り|베이킹|제빵"),
            Map.entry("politics", "πολιτικ|εκλογ|политик|выборы|выборах|выборов|президент|парламент|політик|"
                    + "вибори|виборах|polityk\\b|polityków|politycz|wybory|wyborach|prezydent|volby|siyaset|siyasi|cumhurbaşkan|"
                    + "pemilu|pemilihan umum|presiden|partai politik|chinh tri|bau cu\\b|riksdag|سياسي|انتخابات|राजनीति|"
                    + "चुनाव|政治|选举|選舉|总统|總統|選挙|정치|선거"),
            Map.entry("religion", "θρησκ|εκκλησ|религи|церк|релігі|церкв|religi|kościół|kosciol|kościel|nabożeń|"
                    + "náboženstv|kilise|agama|gereja|ton giao|kyrka|kirke|ديانة|الأديان|كنيسة|धार्मिक|宗教|教会|"
                    + "教會|圣经|聖經|聖書|종교|교회|성경"),
            Map.entry("medicine", "ιατρ|γιατρ|ασθεν|φαρμακ|συμπτωμ|лекарств|врач|болезн|симптом|диагноз|медицин|"
                    + "лікар|хвороб|lekarz|chorob|objaw|lekarstw|medyczn|lekar|nemoc|doktor|hastal|ilaç|"
                    + "penyakit|obat|gejala|bac si\\b|benh vien|lakare|läkare|sjukdom|sygdom|طبيب|دواء|أدوية|"
                    + "डॉक्टर|बीमारी|इलाज|医生|醫生|药物|藥物|疾病|症状|症狀|诊断|診斷|医疗|醫療|医者|病気|診断|医療|"
                    + "병원|질병|증상|약물|진단"),
            Map.entry("law", "δικηγορ|νομικ|адвокат|юрист|судебн|prawnik|adwokat|porada prawna|pozew|právník|"
                    + "avukat|pengacara|gugatan|luat su\\b|advokat|محام|वकील|कानूनी|"
                    + "律师|律師|诉讼|訴訟|弁護士|변호사|소송"),
            Map.entry("investing", "επενδ|μετοχ|инвест|биржа|биржи|inwestow|inwestycj|giełd|yatırım|hisse senedi|"
                    + "investasi|saham|đau tu|dau tu\\b|co phieu|investera|aktier|investere|استثمار|أسهم|निवेश|"
                    + "投资|投資|股票|股市|株式|투자|주식"),
            Map.entry("artificial intelligence", "τεχνητη νοημοσυνη|μηχανικη μαθηση|искусственный интеллект|"
                    + "искусственного интеллекта|искусственным интеллектом|нейросет|нейронн|машинное обучение|"
                    + "штучний інтелект|штучного інтелекту|sztuczna inteligencja|sztucznej inteligencji|"
                    + "uczenie maszynowe|sieci neuronow|umělá inteligence|umělé inteligence|yapay zeka|"
                    + "makine öğrenmesi|kecerdasan buatan|jaringan saraf|tri tue nhan tao|artificiell intelligens|"
                    + "kunstig intelligens|maskininlärning|الذكاء الاصطناعي|कृत्रिम बुद्धि|人工智能|人工智慧|机器学习|"
                    + "機器學習|神经网络|神經網絡|神經網路|人工知能|機械学習|ニューラルネット|인공지능|인공 지능|머신러닝|"
                    + "기계 학습|신경망"),
            Map.entry("physics", "κβαντ|физик|квант|fizyk|kwantow|fizik|kuantum|fisika|vat ly\\b|fysik|فيزياء|भौतिकी|"
                    + "物理|量子|물리|양자"),
            Map.entry("mathematics", "μαθηματικ|εξισωσ|математик|уравнени|алгебр|математи|matematy|równani|"
                    + "matematik|denklem|matematika|toan hoc|phuong trinh|رياضيات|معادلة|गणित|समीकरण|数学|數學|"
                    + "方程|수학|방정식"),
            Map.entry("programming", "προγραμματισμ|программирован|програмуванн|programowani|programování|"
                    + "programlama|kodlama|pemrograman|lap trinh|programmering|برمجة|प्रोग्रामिंग|编程|編程|"
                    + "程序设计|程式設計|プログラミング|프로그래밍|코딩"),
            Map.entry("chess", "σκακι|шахмат|szachy|szachach|šachy|satranç|catur|co vua\\b|schack|skak\\b|sjakk|شطرنج|"
                    + "शतरंज|国际象棋|國際象棋|チェス|체스"),
            Map.entry("music", "μουσικ|τραγουδ|музык|песн|музик|пісн|muzyk|piosenk|hudb|písn|müzik|şarkı|musik|"
                    + "am nhac|bai hat\\b|موسيق|أغنية|أغاني|संगीत|音乐|音樂|歌曲|音楽|楽曲|음악|노래"),
            Map.entry("history", "αρχαι|древн|цивилизац|цивілізац|starożytn|cywilizac|starověk|antik\\b|"
                    + "medeniyet|uygarlık|kuno|peradaban|co đai|co dai|حضارة|الحضارات|प्राचीन|सभ्यता|古代|"
                    + "문명"),
            Map.entry("climate change", "κλιματ|климат|клімат|klimat|iklim|pemanasan global|khi hau|"
                    + "biến đoi khi hau|مناخ|जलवायु|气候|氣候|全球变暖|全球暖化|気候|温暖化|기후|온난화"),
            Map.entry("weapons", "οπλα|οπλο|оружи|пистолет|винтовк|взрывчат|зброя|зброї|pistolet|karabin|"
                    + "wybuchow|zbraň|zbran|silah|patlayıcı|senjata|peledak|vu khi|vapen|våben|vapen|سلاح|أسلحة|"
                    + "हथियार|武器|枪支|槍支|炸弹|炸彈|爆弾|총기|폭탄"),
            Map.entry("alcohol and drugs", "αλκοολ|κρασι|μπυρα|μπιρα|ναρκωτικ|алкогол|вино\\b|пиво\\b|наркотик|"
                    + "алкоголь|wino\\b|piwo\\b|narkotyk|alkol|şarap|bira\\b|uyuşturucu|minuman keras|narkoba|ruou|ma tuy\\b|"
                    + "كحول|خمر|مخدرات|शराब|酒精|葡萄酒|啤酒|毒品|アルコール|ワイン|ビール|麻薬|알코올|와인|맥주|마약"),
            Map.entry("gambling", "τζογ|καζινο|азартн|казино|kasyn|hazardow|kumarhane|bahis|taruhan|co bac\\b|"
                    + "đanh bac|danh bac|قمار|مراهنة|जुआ|赌博|賭博|赌场|賭場|ギャンブル|カジノ|도박|카지노"),
            Map.entry("sports", "αθλητ|ποδοσφαιρ|μπασκετ|спорт|футбол|баскетбол|хоккей|piłk|olahraga|sepak bola|"
                    + "the thao|bong đa|bong da|fotboll|idrott|fodbold|fotball|رياضة|كرة القدم|क्रिकेट|फुटबॉल|体育|"
                    + "體育|足球|篮球|籃球|スポーツ|サッカー|野球|스포츠|축구|야구"),
            Map.entry("dating", "ραντεβου γνωριμιας|знакомств|свидание|randk|flört|kencan|hen ho\\b|dejting|مواعدة|"
                    + "डेटिंग|约会|約會|恋爱|戀愛|デート|恋愛|데이트|연애"));

    private TopicTranslations() {
    }

    /** Returns the stems of {@code topic} in the languages above, separated by {@code |}, or "" for none. */
    static String of(String topic) {
        return STEMS.getOrDefault(topic, "");
    }
}
