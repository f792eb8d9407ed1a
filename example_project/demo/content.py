"""Demo content for the fictional "Ankasam Demo Centre".

Everything in this module is invented for demonstration purposes: the centre,
its staff, the sources cited and the figures quoted.  All links point to the
reserved example.org / example.com / example.net domains.

The module is plain data, meant to be loaded by the demo set-up code.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Taxonomies
# ---------------------------------------------------------------------------

SERIES = [
    {
        "slug": "analysis",
        "name": {"en": "Analysis", "tr": "Analiz", "ru": "Анализ"},
        "is_report": False,
    },
    {
        "slug": "commentary",
        "name": {"en": "Commentary", "tr": "Yorum", "ru": "Комментарий"},
        "is_report": False,
    },
    {
        "slug": "bulletin",
        "name": {"en": "Bulletin", "tr": "Bülten", "ru": "Бюллетень"},
        "is_report": False,
    },
    {
        "slug": "interview",
        "name": {"en": "Interview", "tr": "Söyleşi", "ru": "Интервью"},
        "is_report": False,
    },
    {"slug": "report", "name": {"en": "Report", "tr": "Rapor", "ru": "Доклад"}, "is_report": True},
]

TOPICS = [
    {
        "slug": "energy-security",
        "name": {
            "en": "Energy Security",
            "tr": "Enerji Güvenliği",
            "ru": "Энергетическая безопасность",
        },
    },
    {
        "slug": "maritime-security",
        "name": {"en": "Maritime Security", "tr": "Deniz Güvenliği", "ru": "Морская безопасность"},
    },
    {
        "slug": "trade-connectivity",
        "name": {
            "en": "Trade and Connectivity",
            "tr": "Ticaret ve Bağlantısallık",
            "ru": "Торговля и транспортная связанность",
        },
    },
    {
        "slug": "climate-policy",
        "name": {"en": "Climate Policy", "tr": "İklim Politikası", "ru": "Климатическая политика"},
    },
    {"slug": "migration", "name": {"en": "Migration", "tr": "Göç", "ru": "Миграция"}},
    {
        "slug": "technology-cyber",
        "name": {
            "en": "Technology and Cyber",
            "tr": "Teknoloji ve Siber",
            "ru": "Технологии и киберпространство",
        },
    },
]

REGIONS = [
    {
        "slug": "black-sea",
        "name": {"en": "Black Sea", "tr": "Karadeniz", "ru": "Черноморский регион"},
    },
    {
        "slug": "central-asia",
        "name": {"en": "Central Asia", "tr": "Orta Asya", "ru": "Центральная Азия"},
    },
    {
        "slug": "south-caucasus",
        "name": {"en": "South Caucasus", "tr": "Güney Kafkasya", "ru": "Южный Кавказ"},
    },
    {
        "slug": "eastern-mediterranean",
        "name": {
            "en": "Eastern Mediterranean",
            "tr": "Doğu Akdeniz",
            "ru": "Восточное Средиземноморье",
        },
    },
    {
        "slug": "asia-pacific",
        "name": {"en": "Asia-Pacific", "tr": "Asya-Pasifik", "ru": "Азиатско-Тихоокеанский регион"},
    },
    {
        "slug": "middle-east",
        "name": {"en": "Middle East", "tr": "Orta Doğu", "ru": "Ближний Восток"},
    },
]

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

AUTHORS = [
    {
        "slug": "ayse-demirtas",
        "display_name": {"en": "Ayşe Demirtaş", "tr": "Ayşe Demirtaş", "ru": "Айше Демирташ"},
        "sort_name": "Demirtaş, Ayşe",
        "position": {
            "en": "Asia-Pacific Research Assistant",
            "tr": "Asya-Pasifik Araştırma Asistanı",
            "ru": "Научный ассистент Азиатско-Тихоокеанской программы",
        },
        "short_bio": {
            "en": "Ayşe Demirtaş is a research assistant in the centre's Asia-Pacific programme, where she follows trade, technology and energy links between East Asia and Türkiye. She holds a master's degree in international relations and previously worked as a research intern at a policy foundation in Seoul. Her current work focuses on semiconductor supply chains and LNG markets.",
            "tr": "Ayşe Demirtaş, merkezin Asya-Pasifik programında araştırma asistanı olarak görev yapıyor ve Doğu Asya ile Türkiye arasındaki ticaret, teknoloji ve enerji bağlantılarını izliyor. Uluslararası ilişkiler alanında yüksek lisans derecesine sahip olan Demirtaş, daha önce Seul'deki bir politika vakfında araştırma stajyeri olarak çalıştı. Güncel çalışmaları yarı iletken tedarik zincirlerine ve LNG piyasalarına odaklanıyor.",
            "ru": "Айше Демирташ — научный ассистент Азиатско-Тихоокеанской программы центра, изучает торговые, технологические и энергетические связи между Восточной Азией и Турцией. Имеет степень магистра международных отношений, ранее проходила исследовательскую стажировку в одном из аналитических фондов Сеула. Сейчас занимается цепочками поставок полупроводников и рынками СПГ.",
        },
        "is_active": True,
        "colour": "#1f6f8b",
    },
    {
        "slug": "leyla-hasanova",
        "display_name": {"en": "Leyla Hasanova", "tr": "Leyla Hasanova", "ru": "Лейла Гасанова"},
        "sort_name": "Hasanova, Leyla",
        "position": {
            "en": "Senior Fellow, Energy Security",
            "tr": "Enerji Güvenliği Kıdemli Araştırmacısı",
            "ru": "Старший научный сотрудник по энергетической безопасности",
        },
        "short_bio": {
            "en": "Leyla Hasanova is a senior fellow at the centre, where she leads research on energy security in the Caspian basin, the Black Sea and the Eastern Mediterranean. Before joining the centre, she spent eight years as an analyst in the energy sector in Baku. She writes on gas markets, pipeline politics and the energy transition in producer countries.",
            "tr": "Leyla Hasanova, merkezde kıdemli araştırmacı olarak Hazar havzası, Karadeniz ve Doğu Akdeniz'de enerji güvenliği üzerine yürütülen çalışmalara liderlik ediyor. Merkeze katılmadan önce Bakü'de enerji sektöründe sekiz yıl analist olarak çalıştı. Gaz piyasaları, boru hattı siyaseti ve üretici ülkelerde enerji dönüşümü üzerine yazıyor.",
            "ru": "Лейла Гасанова — старший научный сотрудник центра, руководит исследованиями энергетической безопасности в Каспийском бассейне, Черноморском регионе и Восточном Средиземноморье. До прихода в центр восемь лет работала аналитиком в энергетическом секторе в Баку. Пишет о газовых рынках, трубопроводной политике и энергетическом переходе в странах-производителях.",
        },
        "is_active": True,
        "colour": "#8b3a1f",
    },
    {
        "slug": "daniyar-seitkaliyev",
        "display_name": {
            "en": "Daniyar Seitkaliyev",
            "tr": "Daniyar Seytkaliyev",
            "ru": "Данияр Сейткалиев",
        },
        "sort_name": "Seitkaliyev, Daniyar",
        "position": {
            "en": "Central Asia Programme Coordinator",
            "tr": "Orta Asya Programı Koordinatörü",
            "ru": "Координатор программы по Центральной Азии",
        },
        # Only a Turkish biography exists for this profile (on purpose).
        "short_bio": {
            "tr": "Daniyar Seytkaliyev, merkezin Orta Asya programını koordine ediyor. Almatı'da iktisat eğitimi aldıktan sonra doktorasını Ankara'da uluslararası ilişkiler alanında tamamladı. Ulaştırma koridorları, işgücü göçü ve bölgesel su yönetimi üzerine çalışıyor.",
        },
        "is_active": True,
        "colour": "#3f6b2a",
    },
    {
        "slug": "irina-volkova",
        "display_name": {"en": "Irina Volkova", "tr": "İrina Volkova", "ru": "Ирина Волкова"},
        "sort_name": "Volkova, Irina",
        "position": {
            "en": "Maritime Security Fellow",
            "tr": "Deniz Güvenliği Araştırmacısı",
            "ru": "Научный сотрудник по морской безопасности",
        },
        "short_bio": {
            "en": "Irina Volkova was a maritime security fellow at the centre from 2020 to 2024, working on shipping, naval affairs and search-and-rescue cooperation in the Black Sea and the Eastern Mediterranean. She previously worked for a maritime consultancy in Istanbul. She also translated several of the centre's publications into Russian.",
            "tr": "İrina Volkova, 2020-2024 yılları arasında merkezde deniz güvenliği araştırmacısı olarak görev yaptı; Karadeniz ve Doğu Akdeniz'de deniz taşımacılığı, deniz kuvvetleri ve arama-kurtarma işbirliği üzerine çalıştı. Daha önce İstanbul'da bir denizcilik danışmanlık firmasında çalışmıştı. Merkezin çeşitli yayınlarını Rusçaya da çevirdi.",
            "ru": "Ирина Волкова в 2020–2024 годах работала в центре научным сотрудником по морской безопасности и занималась вопросами судоходства, военно-морской деятельности и сотрудничества в области поиска и спасения на Чёрном море и в Восточном Средиземноморье. До этого работала в морской консалтинговой компании в Стамбуле. Перевела на русский язык ряд публикаций центра.",
        },
        "is_active": False,
        "colour": "#5b4b8a",
    },
    {
        "slug": "thomas-whitfield",
        "display_name": {"en": "Thomas Whitfield", "tr": "Thomas Whitfield", "ru": "Томас Уитфилд"},
        "sort_name": "Whitfield, Thomas",
        "position": {
            "en": "Visiting Fellow, Technology and Cyber Policy",
            "tr": "Teknoloji ve Siber Politika Misafir Araştırmacısı",
            "ru": "Приглашённый научный сотрудник по технологической и киберполитике",
        },
        "short_bio": {
            "en": "Thomas Whitfield is a visiting fellow working on cyber security, digital infrastructure and the geopolitics of technology. He previously advised on critical infrastructure protection at a consultancy in London. At the centre, he studies subsea cables, power-grid security and technology supply chains.",
            "tr": "Thomas Whitfield, siber güvenlik, dijital altyapı ve teknolojinin jeopolitiği üzerine çalışan misafir araştırmacıdır. Daha önce Londra'daki bir danışmanlık şirketinde kritik altyapıların korunması alanında danışmanlık yaptı. Merkezde denizaltı kabloları, elektrik şebekelerinin güvenliği ve teknoloji tedarik zincirleri üzerine araştırmalar yürütüyor.",
            "ru": "Томас Уитфилд — приглашённый научный сотрудник, занимающийся кибербезопасностью, цифровой инфраструктурой и геополитикой технологий. Ранее консультировал по вопросам защиты критической инфраструктуры в одной из лондонских консалтинговых компаний. В центре изучает подводные кабели, безопасность энергосетей и технологические цепочки поставок.",
        },
        "is_active": True,
        "colour": "#8a6d1f",
    },
]

# ---------------------------------------------------------------------------
# Publications
# ---------------------------------------------------------------------------

ANALYSES = [
    # -----------------------------------------------------------------------
    {
        "slug": "black-sea-grain-corridor-after-the-storm",
        "series": "analysis",
        "date": "2022-10-06",
        "topics": ["maritime-security", "trade-connectivity"],
        "regions": ["black-sea"],
        "authors": [("irina-volkova", "author")],
        "tags": ["grain", "shipping", "insurance"],
        "status": "live",
        "en": {
            "title": "The Black Sea Grain Corridor After the Storm: Insurance, Ports and Predictability",
            "summary": "Three months into the Black Sea grain arrangement, the corridor's main weakness is no longer physical danger alone but unpredictability. War-risk insurance, inspection queues and crew confidence will decide whether it can serve importers reliably.",
            "body": [
                (
                    "paragraph",
                    "<p>When the first bulk carriers left ports in the Odesa area under the arrangement agreed in the summer of 2022, the immediate question was whether the ships would arrive safely. Three months later, the more pressing question is whether the corridor can become predictable enough for traders, insurers and port operators to plan beyond the next voyage. Our monitoring of public vessel data suggests that average waiting times in the inspection area near the Bosporus roughly doubled between August and late September.{{note:1}} Delays of this kind rarely make headlines, but they quietly erode the economic logic of the route.</p>",
                ),
                ("heading", "Insurance is the real gatekeeper"),
                (
                    "paragraph",
                    "<p>Shipowners decide whether to accept a charter largely on the basis of the war-risk premium quoted by their underwriters. These premiums are set voyage by voyage and can change within days. Brokers interviewed for this analysis described quotes for a single call at a northern Black Sea port ranging from 1 to more than 3 percent of hull value during September.{{note:2}} For an older bulk carrier, that can add a six-figure sum to a single trip, which is passed on to buyers in the form of higher freight rates.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Indicative war-risk premiums for a single port call (percent of hull value)",
                        "rows": [
                            ["Period", "Lowest quote", "Highest quote"],
                            ["Early August 2022", "1.0", "2.5"],
                            ["Early September 2022", "1.0", "3.2"],
                            ["Late September 2022", "0.8", "3.5"],
                        ],
                    },
                ),
                ("heading", "Why predictability matters more than volume"),
                (
                    "paragraph",
                    "<p>Headline export figures have been encouraging, but averages hide considerable volatility. A corridor that moves large volumes in one week and almost nothing in the next is of limited use to importers in North Africa and the Middle East, who need regular deliveries to manage bread subsidies and strategic stocks.{{note:4}} Predictability depends on three factors: the pace of joint inspections, the willingness of insurers to keep capacity in the market, and the confidence of crews that the route will remain open for the duration of their contracts.{{note:2}}</p>",
                ),
                (
                    "quote",
                    (
                        "A corridor that works only when nobody looks at the calendar is not a corridor. It is a series of exceptions.",
                        "Black Sea shipbroker, interview with the author, September 2022",
                    ),
                ),
                ("heading", "Policy options"),
                (
                    "paragraph",
                    "<p>Littoral states and the parties to the arrangement have several modest tools at their disposal:</p><ul><li><b>more inspection teams</b>, so that the queue near the straits stops growing;</li><li><b>a public schedule</b> of inspection capacity, which would allow charterers to price delays;</li><li><b>backstop insurance</b> from a state or multilateral pool, limited to cargoes of food and fertiliser.{{note:5}}</li></ul><p>None of these measures removes the underlying security risk. Together, however, they would make the corridor less dependent on day-to-day political signals and more attractive to the commercial operators who actually carry the grain.</p>",
                ),
            ],
        },
        "tr": {
            "slug": "karadeniz-tahil-koridoru-firtinadan-sonra",
            "title": "Fırtınadan Sonra Karadeniz Tahıl Koridoru: Sigorta, Limanlar ve Öngörülebilirlik",
            "summary": "Karadeniz tahıl düzenlemesinin üçüncü ayında koridorun temel zaafı artık yalnızca fiziksel tehlike değil, öngörülemezlik. Savaş riski sigortası, denetim kuyrukları ve mürettebatın güveni, koridorun ithalatçılara güvenilir biçimde hizmet edip edemeyeceğini belirleyecek.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>2022 yazında varılan düzenleme kapsamında ilk dökme yük gemileri Odessa çevresindeki limanlardan ayrıldığında asıl soru, gemilerin güvenle varıp varamayacağıydı. Üç ay sonra daha acil olan soru, koridorun tüccarların, sigortacıların ve liman işletmecilerinin bir sonraki seferin ötesini planlayabileceği ölçüde öngörülebilir hâle gelip gelemeyeceği. Kamuya açık gemi verilerine dayanan izlememiz, Boğaz yakınındaki denetim bölgesinde ortalama bekleme sürelerinin ağustos ile eylül sonu arasında yaklaşık iki katına çıktığını gösteriyor.{{note:1}} Bu tür gecikmeler nadiren manşetlere taşınır, ancak güzergâhın ekonomik mantığını sessizce aşındırır.</p>",
                ),
                ("heading", "Asıl kapı bekçisi: sigorta"),
                (
                    "paragraph",
                    "<p>Armatörler, bir çarter teklifini kabul edip etmeyeceklerine büyük ölçüde sigortacılarının belirlediği savaş riski primine bakarak karar verir. Bu primler her sefer için ayrı ayrı belirlenir ve birkaç gün içinde değişebilir. Bu analiz için görüşülen brokerler, eylül ayı boyunca Karadeniz'in kuzeyindeki bir limana tek bir uğrak için tekne değerinin yüzde 1'i ile yüzde 3'ünden fazlası arasında değişen teklifler aldıklarını anlattı.{{note:2}} Yaşlı bir dökme yük gemisi için bu, tek bir sefere altı haneli bir tutarın eklenmesi demektir ve bu maliyet daha yüksek navlun ücretleri biçiminde alıcılara yansıtılır.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Tek bir liman uğrağı için gösterge niteliğinde savaş riski primleri (tekne değerinin yüzdesi)",
                        "rows": [
                            ["Dönem", "En düşük teklif", "En yüksek teklif"],
                            ["Ağustos 2022 başı", "1,0", "2,5"],
                            ["Eylül 2022 başı", "1,0", "3,2"],
                            ["Eylül 2022 sonu", "0,8", "3,5"],
                        ],
                    },
                ),
                ("heading", "Öngörülebilirlik neden hacimden daha önemli"),
                (
                    "paragraph",
                    "<p>Manşetlere yansıyan ihracat rakamları umut verici olsa da ortalamalar ciddi dalgalanmaları gizliyor. Bir hafta büyük hacimler taşıyıp ertesi hafta neredeyse hiçbir şey taşımayan bir koridor, ekmek sübvansiyonlarını ve stratejik stoklarını yönetebilmek için düzenli teslimata ihtiyaç duyan Kuzey Afrika ve Orta Doğu'daki ithalatçılara sınırlı fayda sağlar.{{note:4}} Öngörülebilirlik üç etkene bağlıdır: ortak denetimlerin hızı, sigortacıların piyasada kapasite tutma istekliliği ve mürettebatın, sözleşmeleri süresince güzergâhın açık kalacağına duyduğu güven.{{note:2}}</p>",
                ),
                (
                    "quote",
                    (
                        "Yalnızca kimse takvime bakmadığında işleyen bir koridor, koridor değildir. Bir istisnalar dizisidir.",
                        "Karadeniz'de faaliyet gösteren bir gemi brokeri, yazarla görüşme, Eylül 2022",
                    ),
                ),
                ("heading", "Politika seçenekleri"),
                (
                    "paragraph",
                    "<p>Kıyıdaş devletlerin ve düzenlemenin taraflarının elinde birkaç mütevazı araç bulunuyor:</p><ul><li>Boğaz yakınındaki kuyruğun büyümesini durdurmak için <b>daha fazla denetim ekibi</b>;</li><li>çartererlerin gecikmeleri fiyatlayabilmesi için denetim kapasitesine ilişkin <b>kamuya açık bir takvim</b>;</li><li>bir devlet ya da çok taraflı bir havuz tarafından sağlanan ve yalnızca gıda ile gübre yükleriyle sınırlı <b>destek sigortası</b>.{{note:5}}</li></ul><p>Bu önlemlerin hiçbiri temeldeki güvenlik riskini ortadan kaldırmaz. Ancak birlikte uygulandıklarında koridoru günlük siyasi sinyallere daha az bağımlı ve tahılı fiilen taşıyan ticari işletmeciler için daha cazip hâle getirirler.</p>",
                ),
            ],
        },
        "ru": {
            "slug": "зерновой-коридор-черного-моря-после-бури",
            "title": "Черноморский зерновой коридор после бури: страхование, порты и предсказуемость",
            "summary": "Спустя три месяца после начала действия черноморской зерновой договорённости главная слабость коридора — уже не только физическая опасность, но и непредсказуемость. От страхования военных рисков, очередей на досмотр и уверенности экипажей зависит, сможет ли коридор надёжно обслуживать импортёров.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Когда летом 2022 года первые балкеры в рамках достигнутой договорённости покинули порты в районе Одессы, главный вопрос заключался в том, смогут ли суда благополучно дойти до места назначения. Три месяца спустя куда острее стоит другой вопрос: может ли коридор стать настолько предсказуемым, чтобы трейдеры, страховщики и операторы портов могли планировать дальше следующего рейса. Наш мониторинг открытых данных о движении судов показывает, что среднее время ожидания в зоне досмотра у Босфора с августа по конец сентября выросло примерно вдвое.{{note:1}} Такие задержки редко попадают в заголовки, но постепенно подрывают экономическую логику маршрута.</p>",
                ),
                ("heading", "Настоящий привратник — страхование"),
                (
                    "paragraph",
                    "<p>Решение о том, принимать ли фрахт, судовладельцы принимают главным образом исходя из премии за страхование военных рисков, которую назначают их андеррайтеры. Эти премии устанавливаются для каждого рейса отдельно и могут меняться в течение нескольких дней. Брокеры, опрошенные для этого анализа, рассказали, что в сентябре котировки за один заход в порт на севере Чёрного моря колебались от 1 до более чем 3 процентов стоимости корпуса судна.{{note:2}} Для старого балкера это может добавить к стоимости одного рейса шестизначную сумму, которая перекладывается на покупателей в виде более высоких фрахтовых ставок.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Ориентировочные премии за страхование военных рисков при одном заходе в порт (в процентах от стоимости корпуса)",
                        "rows": [
                            ["Период", "Минимальная котировка", "Максимальная котировка"],
                            ["Начало августа 2022 г.", "1,0", "2,5"],
                            ["Начало сентября 2022 г.", "1,0", "3,2"],
                            ["Конец сентября 2022 г.", "0,8", "3,5"],
                        ],
                    },
                ),
                ("heading", "Почему предсказуемость важнее объёмов"),
                (
                    "paragraph",
                    "<p>Общие показатели экспорта обнадёживают, однако средние значения скрывают значительные колебания. Коридор, по которому на одной неделе проходят большие объёмы, а на следующей почти ничего, мало полезен импортёрам в Северной Африке и на Ближнем Востоке: чтобы управлять хлебными субсидиями и стратегическими запасами, им нужны регулярные поставки.{{note:4}} Предсказуемость зависит от трёх факторов: темпов совместных досмотров, готовности страховщиков сохранять ёмкость на рынке и уверенности экипажей в том, что маршрут останется открытым на весь срок их контрактов.{{note:2}}</p>",
                ),
                (
                    "quote",
                    (
                        "Коридор, который работает, только пока никто не смотрит в календарь, — это не коридор. Это череда исключений.",
                        "Черноморский судовой брокер, интервью автору, сентябрь 2022 г.",
                    ),
                ),
                ("heading", "Возможные меры"),
                (
                    "paragraph",
                    "<p>У прибрежных государств и сторон договорённости есть несколько скромных инструментов:</p><ul><li><b>больше досмотровых групп</b>, чтобы очередь у проливов перестала расти;</li><li><b>публичный график</b> досмотровых мощностей, который позволил бы фрахтователям закладывать задержки в цену;</li><li><b>резервное страхование</b> от государственного или многостороннего пула, ограниченное грузами продовольствия и удобрений.{{note:5}}</li></ul><p>Ни одна из этих мер не устраняет сам риск для безопасности. Однако вместе они сделали бы коридор менее зависимым от ежедневных политических сигналов и более привлекательным для коммерческих операторов, которые, собственно, и перевозят зерно.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Pontic Shipping Observatory"],
                    "title": "Waiting at the Straits: Vessel Queues in the Black Sea, August–September 2022",
                    "publisher": "Pontic Shipping Observatory",
                    "issued": "2022-09-30",
                    "url": "https://example.org/pso/waiting-at-the-straits",
                    "accessed": "2022-10-03",
                },
                "locator": "4",
            },
            {
                "source": {
                    "type": "interview",
                    "authors": [],
                    "title": "Interviews with three Istanbul-based shipbrokers",
                    "issued": "2022-09-20",
                },
                "comment": "<p>The brokers spoke on condition of anonymity. Their figures were checked against two written offers seen by the author.</p>",
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Kara, Deniz"],
                    "title": "Freight rates for grain cargoes climb as war-risk cover tightens",
                    "container": "Bosphorus Freight Daily",
                    "issued": "2022-09-22",
                    "url": "https://example.com/bfd/2022/09/22/grain-freight-rates",
                    "accessed": "2022-10-01",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Haddad, Samira", "Lindqvist, Jonas"],
                    "title": "Bread Subsidies and Import Timing in North African Grain Markets",
                    "container": "Journal of Example Food Security Studies",
                    "issued": "2021-06-01",
                    "volume": "14",
                    "issue": "2",
                    "pages": "115–139",
                    "doi": "10.5555/jefs.2021.0142",
                    "url": "https://example.net/jefs/14/2/haddad-lindqvist",
                },
                "locator": "121",
            },
            {
                "comment": "<p>A state-backed pool of this kind would not need to be large. Its main function would be to cap premiums at a known level, signalling to commercial underwriters that losses beyond a certain threshold would be shared.</p>",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "caspian-gas-interconnectors-winter-test",
        "series": "analysis",
        "date": "2022-12-12",
        "topics": ["energy-security"],
        "regions": ["south-caucasus", "central-asia"],
        "authors": [("leyla-hasanova", "author")],
        "tags": ["gas", "pipelines", "interconnectors"],
        "status": "live",
        "en": {
            "title": "Caspian Gas and the Winter Test: Can Interconnectors Carry the Load?",
            "summary": "Europe's first winter with sharply reduced eastern pipeline supplies tests whether Caspian gas and the small interconnectors of south-eastern Europe can deliver more without major new construction. Incremental upgrades look promising, but long-term demand uncertainty holds back investment.",
            "body": [
                (
                    "paragraph",
                    "<p>Europe enters its first full winter of reduced pipeline supplies from the east with storage sites well filled, but with far less flexibility than the headline numbers suggest. For the countries of the South Caucasus and the wider Caspian basin, the winter is a test of a different kind: whether existing pipelines, and the interconnectors that link them to south-eastern Europe, can deliver additional volumes without new large-scale construction.{{note:1}}</p>",
                ),
                ("heading", "Capacity on paper and in practice"),
                (
                    "paragraph",
                    "<p>The southern route from the Caspian to Europe was designed in stages, and its nominal capacity can in principle be expanded by adding compressor stations rather than laying new pipe.{{note:2}} In practice, every additional unit of capacity requires long-term purchase commitments from European buyers, who remain reluctant to sign contracts running into the late 2030s while their own climate targets foresee a steep decline in gas demand.{{note:3}} This mismatch between the time horizons of producers and consumers is the central obstacle.</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Illustrative gas flows on the southern route (billion cubic metres per year)",
                        "rows": [
                            ["Segment", "2021", "2022 (est.)", "Possible by 2027"],
                            ["Upstream export pipeline", "19", "22", "25"],
                            ["Anatolian transit section", "16", "17", "24"],
                            ["Deliveries to south-eastern Europe", "8", "11", "16"],
                        ],
                    },
                ),
                ("heading", "The role of interconnectors"),
                (
                    "paragraph",
                    "<p>Even where gas reaches the European border, it still has to travel onward. Several short interconnectors in the Balkans, some completed only this year, now allow Caspian gas to reach markets that previously depended on a single supplier.{{note:4}} Their capacity is modest, yet their strategic value is large: a country that can physically receive gas from two directions holds a much stronger position in any price negotiation. Regulators in the receiving countries have also had to adapt network codes so that gas can flow in both directions, a technical change with significant commercial consequences.</p>",
                ),
                ("heading", "What to watch this winter"),
                (
                    "paragraph",
                    "<p>Three indicators will show whether the system passes its winter test:</p><ol><li>the utilisation rate of the interconnectors during cold spells;</li><li>the volume of gas offered in short-term auctions rather than under long-term contracts;</li><li>announcements of compressor orders, which would signal that investors expect demand to last.{{note:5}}</li></ol><p>If all three move in the right direction, the Caspian corridor will have shown that incremental upgrades can deliver real security gains without locking Europe into decades of new fossil fuel infrastructure.{{note:1}}</p>",
                ),
            ],
        },
        "tr": {
            "slug": "hazar-gazi-ve-kis-sinavi",
            "title": "Hazar Gazı ve Kış Sınavı: Enterkonektörler Yükü Taşıyabilir mi?",
            "summary": "Avrupa'nın, doğudan gelen boru hattı arzının keskin biçimde azaldığı ilk kışı, Hazar gazının ve Güneydoğu Avrupa'daki küçük enterkonektörlerin büyük çaplı yeni yatırımlar olmadan daha fazla gaz taşıyıp taşıyamayacağını sınıyor. Kademeli iyileştirmeler umut verici olsa da uzun vadeli talep belirsizliği yatırımları frenliyor.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Avrupa, doğudan gelen boru hattı arzının azaldığı ilk tam kışa depoları büyük ölçüde dolu, ancak manşet rakamların düşündürdüğünden çok daha az esneklikle giriyor. Güney Kafkasya ve daha geniş Hazar havzası ülkeleri içinse bu kış farklı türden bir sınav: Mevcut boru hatları ve bunları Güneydoğu Avrupa'ya bağlayan enterkonektörler, büyük çaplı yeni inşaat gerekmeden ek hacim taşıyabilecek mi?{{note:1}}</p>",
                ),
                ("heading", "Kâğıt üzerindeki ve uygulamadaki kapasite"),
                (
                    "paragraph",
                    "<p>Hazar'dan Avrupa'ya uzanan güney güzergâhı aşamalı olarak tasarlandı ve nominal kapasitesi, ilke olarak yeni boru döşemek yerine kompresör istasyonları eklenerek artırılabilir.{{note:2}} Uygulamada ise her ek kapasite birimi Avrupalı alıcıların uzun vadeli alım taahhüdünü gerektiriyor; oysa kendi iklim hedefleri gaz talebinde keskin bir düşüş öngören bu alıcılar, 2030'ların sonuna uzanan sözleşmeler imzalamakta hâlâ isteksiz.{{note:3}} Üreticilerle tüketicilerin zaman ufukları arasındaki bu uyumsuzluk, temel engeli oluşturuyor.</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Güney güzergâhında gösterge niteliğinde gaz akışları (yılda milyar metreküp)",
                        "rows": [
                            ["Bölüm", "2021", "2022 (tahmini)", "2027'ye kadar mümkün"],
                            ["Yukarı akış ihracat boru hattı", "19", "22", "25"],
                            ["Anadolu transit bölümü", "16", "17", "24"],
                            ["Güneydoğu Avrupa'ya teslimatlar", "8", "11", "16"],
                        ],
                    },
                ),
                ("heading", "Enterkonektörlerin rolü"),
                (
                    "paragraph",
                    "<p>Gaz Avrupa sınırına ulaştığında bile yoluna devam etmek zorunda. Balkanlar'da bazıları ancak bu yıl tamamlanan birkaç kısa enterkonektör, Hazar gazının daha önce tek bir tedarikçiye bağımlı olan pazarlara ulaşmasını artık mümkün kılıyor.{{note:4}} Kapasiteleri mütevazı olsa da stratejik değerleri büyük: İki yönden fiziksel olarak gaz alabilen bir ülke, her fiyat müzakeresinde çok daha güçlü bir konumdadır. Alıcı ülkelerdeki düzenleyiciler de gazın iki yönde akabilmesi için şebeke kurallarını uyarlamak zorunda kaldı; bu teknik değişikliğin ticari sonuçları hiç de küçük değil.</p>",
                ),
                ("heading", "Bu kış nelere dikkat edilmeli"),
                (
                    "paragraph",
                    "<p>Sistemin kış sınavını geçip geçmediğini üç gösterge ortaya koyacak:</p><ol><li>soğuk hava dalgaları sırasında enterkonektörlerin kullanım oranı;</li><li>uzun vadeli sözleşmeler yerine kısa vadeli ihalelerde sunulan gaz hacmi;</li><li>yatırımcıların talebin süreceğini beklediğine işaret edecek kompresör siparişi duyuruları.{{note:5}}</li></ol><p>Üç gösterge de doğru yönde ilerlerse Hazar koridoru, kademeli iyileştirmelerin Avrupa'yı on yıllarca yeni fosil yakıt altyapısına bağlamadan gerçek güvenlik kazanımları sağlayabileceğini kanıtlamış olacak.{{note:1}}</p>",
                ),
            ],
        },
        "ru": {
            "slug": "каспийский-газ-и-зимнее-испытание",
            "title": "Каспийский газ и зимнее испытание: выдержат ли интерконнекторы нагрузку?",
            "summary": "Первая для Европы зима с резко сократившимися трубопроводными поставками с востока проверяет, смогут ли каспийский газ и небольшие интерконнекторы Юго-Восточной Европы обеспечить дополнительные объёмы без крупного нового строительства. Поэтапная модернизация выглядит многообещающе, однако неопределённость долгосрочного спроса сдерживает инвестиции.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Европа вступает в первую полную зиму с сокращёнными трубопроводными поставками с востока, имея хорошо заполненные хранилища, но гораздо меньшую гибкость, чем можно предположить по общим цифрам. Для стран Южного Кавказа и всего Каспийского бассейна эта зима — испытание иного рода: смогут ли существующие трубопроводы и интерконнекторы, связывающие их с Юго-Восточной Европой, обеспечить дополнительные объёмы без масштабного нового строительства.{{note:1}}</p>",
                ),
                ("heading", "Мощность на бумаге и на практике"),
                (
                    "paragraph",
                    "<p>Южный маршрут из Каспийского региона в Европу проектировался поэтапно, и его номинальную мощность в принципе можно увеличить за счёт новых компрессорных станций, не прокладывая новых труб.{{note:2}} На практике же каждая дополнительная единица мощности требует долгосрочных обязательств по закупкам со стороны европейских покупателей, а те по-прежнему неохотно подписывают контракты до конца 2030-х годов, поскольку их собственные климатические цели предусматривают резкое снижение спроса на газ.{{note:3}} Главное препятствие — несовпадение временных горизонтов производителей и потребителей.</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Ориентировочные потоки газа по южному маршруту (млрд куб. м в год)",
                        "rows": [
                            ["Участок", "2021", "2022 (оценка)", "Возможно к 2027"],
                            ["Экспортный трубопровод от месторождений", "19", "22", "25"],
                            ["Транзитный участок через Анатолию", "16", "17", "24"],
                            ["Поставки в Юго-Восточную Европу", "8", "11", "16"],
                        ],
                    },
                ),
                ("heading", "Роль интерконнекторов"),
                (
                    "paragraph",
                    "<p>Даже достигнув европейской границы, газ должен двигаться дальше. Несколько коротких интерконнекторов на Балканах, часть из которых введена в строй лишь в этом году, теперь позволяют каспийскому газу попадать на рынки, ранее зависевшие от единственного поставщика.{{note:4}} Их мощность невелика, но стратегическое значение огромно: страна, способная физически получать газ с двух направлений, занимает гораздо более сильную позицию на любых ценовых переговорах. Регуляторам в странах-получателях также пришлось адаптировать сетевые кодексы, чтобы газ мог течь в обоих направлениях, — техническое изменение со значительными коммерческими последствиями.</p>",
                ),
                ("heading", "За чем следить этой зимой"),
                (
                    "paragraph",
                    "<p>Выдержит ли система зимнее испытание, покажут три индикатора:</p><ol><li>коэффициент загрузки интерконнекторов в периоды похолоданий;</li><li>объём газа, предлагаемого на краткосрочных аукционах, а не по долгосрочным контрактам;</li><li>объявления о заказах компрессоров, которые станут сигналом того, что инвесторы ожидают сохранения спроса.{{note:5}}</li></ol><p>Если все три индикатора будут меняться в нужную сторону, Каспийский коридор докажет, что поэтапная модернизация способна реально повысить безопасность поставок, не привязывая Европу на десятилетия к новой инфраструктуре ископаемого топлива.{{note:1}}</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Caspian Energy Monitor"],
                    "title": "Winter Outlook 2022/23: Gas Flows from the Caspian to South-Eastern Europe",
                    "publisher": "Caspian Energy Monitor",
                    "issued": "2022-11-15",
                    "url": "https://example.org/cem/winter-outlook-2022",
                    "accessed": "2022-12-05",
                },
                "locator": "7",
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Karimov, Rustam"],
                    "title": "Pipelines and Power: The Southern Gas Route, 1995–2020",
                    "publisher": "Example University Press",
                    "issued": "2021",
                },
                "locator": "88",
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Karimov, Rustam"],
                    "title": "Pipelines and Power: The Southern Gas Route, 1995–2020",
                    "publisher": "Example University Press",
                    "issued": "2021",
                },
                "locator": "142",
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Marinova, Elena"],
                    "title": "New Balkan interconnector begins commercial operation",
                    "container": "South-East Energy Wire",
                    "issued": "2022-10-03",
                    "url": "https://example.net/seew/2022/10/interconnector-start",
                    "accessed": "2022-12-01",
                },
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Anatolian Gas Transmission Forum"],
                    "title": "Compressor Station Tenders: Status Tracker",
                    "url": "https://example.org/agtf/compressor-tracker",
                    "accessed": "2022-12-08",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "middle-corridor-bottlenecks-and-fixes",
        "series": "report",
        "date": "2023-04-20",
        "topics": ["trade-connectivity"],
        "regions": ["central-asia", "south-caucasus"],
        "authors": [("daniyar-seitkaliyev", "author"), ("leyla-hasanova", "co-author")],
        "tags": ["middle-corridor", "rail", "logistics", "customs"],
        "status": "live",
        "en": {
            "title": "The Middle Corridor: Bottlenecks, Border Times and Practical Fixes",
            "summary": "Traffic on the Trans-Caspian route has surged since 2022, but most transit time is still lost waiting at ports, ferry terminals and borders. This report identifies the main bottlenecks and proposes low-cost measures that governments could adopt before new infrastructure is built.",
            "body": [
                (
                    "paragraph",
                    "<p>Since 2022, freight forwarders looking for alternatives to the northern overland routes between China and Europe have turned to the Trans-Caspian International Transport Route, widely known as the Middle Corridor. Container volumes on the route grew several times over in a single year, albeit from a very low base.{{note:1}} This report examines why that growth has so far produced congestion rather than a stable new trade artery, and what governments along the route can realistically do about it.</p>",
                ),
                ("heading", "Where the time is lost"),
                (
                    "paragraph",
                    "<p>A container travelling from western China to the Georgian Black Sea coast changes transport mode at least twice and crosses at least three borders. Our survey of forwarders found that less than a third of total transit time was spent actually moving; the rest was spent waiting at ports, ferry terminals and customs posts.{{note:2}} The Caspian crossing is the most unpredictable segment, because the ferry fleet is small and sailings are frequently cancelled in bad weather.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Average waiting time by segment, surveyed shipments, 2022",
                        "rows": [
                            ["Segment", "Average waiting time (days)", "Main cause"],
                            ["China–Kazakhstan border", "2.5", "Gauge change and inspections"],
                            ["Caspian port of departure", "6.0", "Ferry availability"],
                            ["Caspian port of arrival", "3.5", "Berth congestion"],
                            ["Georgian railways and ports", "4.0", "Wagon shortages"],
                        ],
                    },
                ),
                ("heading", "Soft fixes before hard infrastructure"),
                (
                    "paragraph",
                    "<p>Much of the public debate focuses on large projects such as new ports and additional ferries. These are necessary, but they take years to complete. In the meantime, a set of <i>soft</i> measures could cut transit times significantly:</p><ul><li>a single electronic transit declaration recognised by all states on the route;{{note:4}}</li><li>a shared digital booking system for ferry slots, so that trains do not arrive at ports without a confirmed sailing;</li><li>joint border controls at the busiest crossings.</li></ul>",
                ),
                (
                    "quote",
                    (
                        "Shippers forgive a slow route. What they do not forgive is a route where nobody can tell them when the cargo will arrive.",
                        "Freight forwarder based in Almaty, survey response",
                    ),
                ),
                ("heading", "Recommendations"),
                (
                    "paragraph",
                    "<p>We recommend that the governments concerned publish monthly transit statistics for each segment, agree on a common target for maximum waiting times at ferry terminals, and link part of any international financing for new infrastructure to progress on these soft measures.{{note:5}} Publishing the data would also help private investors identify which upgrades offer the highest returns. Trade routes win loyal customers through reliability, not through announcements. The Middle Corridor's long-term prospects will depend on whether the next two years bring measurable gains in predictability.</p>",
                ),
            ],
        },
        "tr": {
            "slug": "orta-koridor-darbogazlar-ve-cozumler",
            "title": "Orta Koridor: Darboğazlar, Sınır Geçiş Süreleri ve Pratik Çözümler",
            "summary": "Hazar Ötesi güzergâhtaki trafik 2022'den bu yana hızla arttı, ancak transit sürenin büyük bölümü hâlâ limanlarda, feribot terminallerinde ve sınırlarda beklemekle geçiyor. Bu rapor başlıca darboğazları belirliyor ve hükümetlerin yeni altyapı inşa edilmeden önce hayata geçirebileceği düşük maliyetli önlemler öneriyor.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>2022'den bu yana Çin ile Avrupa arasındaki kuzey kara güzergâhlarına alternatif arayan taşıma işleri organizatörleri, Orta Koridor olarak bilinen Hazar Ötesi Uluslararası Taşıma Güzergâhı'na yöneldi. Güzergâhtaki konteyner hacmi, çok düşük bir başlangıç düzeyinden de olsa, tek bir yıl içinde birkaç kat arttı.{{note:1}} Bu rapor, söz konusu büyümenin neden şimdiye kadar istikrarlı yeni bir ticaret arteri yerine tıkanıklık ürettiğini ve güzergâh üzerindeki hükümetlerin bu konuda gerçekçi olarak neler yapabileceğini inceliyor.</p>",
                ),
                ("heading", "Zaman nerede kaybediliyor"),
                (
                    "paragraph",
                    "<p>Batı Çin'den Gürcistan'ın Karadeniz kıyısına giden bir konteyner en az iki kez taşıma türü değiştiriyor ve en az üç sınır geçiyor. Taşıma işleri organizatörleriyle yaptığımız anket, toplam transit sürenin üçte birinden azının fiilen hareket hâlinde geçtiğini, geri kalanının ise limanlarda, feribot terminallerinde ve gümrük kapılarında beklemekle harcandığını ortaya koydu.{{note:2}} En öngörülemez bölüm Hazar geçişi; çünkü feribot filosu küçük ve seferler kötü hava koşullarında sık sık iptal ediliyor.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Bölümlere göre ortalama bekleme süresi, ankete konu sevkiyatlar, 2022",
                        "rows": [
                            ["Bölüm", "Ortalama bekleme süresi (gün)", "Başlıca neden"],
                            ["Çin-Kazakistan sınırı", "2,5", "Ray açıklığı değişimi ve denetimler"],
                            ["Hazar'daki çıkış limanı", "6,0", "Feribot bulunabilirliği"],
                            ["Hazar'daki varış limanı", "3,5", "Rıhtım yoğunluğu"],
                            ["Gürcistan demiryolları ve limanları", "4,0", "Vagon eksikliği"],
                        ],
                    },
                ),
                ("heading", "Büyük altyapıdan önce yumuşak çözümler"),
                (
                    "paragraph",
                    "<p>Kamuoyundaki tartışmanın büyük kısmı yeni limanlar ve ek feribotlar gibi büyük projelere odaklanıyor. Bunlar gerekli, ancak tamamlanmaları yıllar alıyor. Bu arada bir dizi <i>yumuşak</i> önlem transit süreleri önemli ölçüde kısaltabilir:</p><ul><li>güzergâh üzerindeki tüm devletlerce tanınan tek bir elektronik transit beyannamesi;{{note:4}}</li><li>trenlerin teyit edilmiş bir sefer olmadan limanlara varmaması için feribot yerlerine yönelik ortak bir dijital rezervasyon sistemi;</li><li>en yoğun sınır kapılarında ortak kontroller.</li></ul>",
                ),
                (
                    "quote",
                    (
                        "Yük sahipleri yavaş bir güzergâhı affeder. Affetmedikleri şey, yükün ne zaman varacağını kimsenin söyleyemediği bir güzergâhtır.",
                        "Almatı merkezli bir taşıma işleri organizatörü, anket yanıtı",
                    ),
                ),
                ("heading", "Öneriler"),
                (
                    "paragraph",
                    "<p>İlgili hükümetlere, her bölüm için aylık transit istatistikleri yayımlamalarını, feribot terminallerinde azami bekleme süreleri için ortak bir hedef belirlemelerini ve yeni altyapıya yönelik uluslararası finansmanın bir kısmını bu yumuşak önlemlerdeki ilerlemeye bağlamalarını öneriyoruz.{{note:5}} Verilerin yayımlanması, özel yatırımcıların hangi iyileştirmelerin en yüksek getiriyi sağladığını belirlemesine de yardımcı olur. Ticaret güzergâhları sadık müşterileri duyurularla değil, güvenilirlikle kazanır. Orta Koridor'un uzun vadeli geleceği, önümüzdeki iki yılın öngörülebilirlikte ölçülebilir kazanımlar getirip getirmeyeceğine bağlı olacak.</p>",
                ),
            ],
        },
        "ru": {
            "slug": "средний-коридор-узкие-места-и-решения",
            "title": "Средний коридор: узкие места, время на границах и практические решения",
            "summary": "С 2022 года движение по Транскаспийскому маршруту резко выросло, однако большая часть времени в пути по-прежнему уходит на ожидание в портах, на паромных терминалах и границах. В докладе названы основные узкие места и предложены недорогие меры, которые правительства могут принять ещё до строительства новой инфраструктуры.",
            "status": "live",
            "translator": "irina-volkova",
            "body": [
                (
                    "paragraph",
                    "<p>С 2022 года экспедиторы, ищущие альтернативу северным сухопутным маршрутам между Китаем и Европой, обратились к Транскаспийскому международному транспортному маршруту, более известному как Средний коридор. Объём контейнерных перевозок по нему всего за год вырос в несколько раз, хотя и с очень низкой базы.{{note:1}} В докладе рассматривается, почему этот рост пока привёл к заторам, а не к появлению стабильной новой торговой артерии, и что реально могут сделать правительства стран, через которые проходит маршрут.</p>",
                ),
                ("heading", "Где теряется время"),
                (
                    "paragraph",
                    "<p>Контейнер, следующий из Западного Китая на черноморское побережье Грузии, как минимум дважды меняет вид транспорта и пересекает не менее трёх границ. Наш опрос экспедиторов показал, что собственно на движение приходится менее трети общего времени транзита; остальное уходит на ожидание в портах, на паромных терминалах и таможенных постах.{{note:2}} Самый непредсказуемый участок — переправа через Каспий: паромный флот невелик, а рейсы часто отменяются из-за непогоды.{{note:3}}</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Среднее время ожидания по участкам, обследованные отправки, 2022 г.",
                        "rows": [
                            ["Участок", "Среднее время ожидания (дней)", "Основная причина"],
                            ["Граница Китая и Казахстана", "2,5", "Смена колеи и досмотры"],
                            ["Каспийский порт отправления", "6,0", "Наличие паромов"],
                            ["Каспийский порт прибытия", "3,5", "Загруженность причалов"],
                            ["Железные дороги и порты Грузии", "4,0", "Нехватка вагонов"],
                        ],
                    },
                ),
                ("heading", "Мягкие меры прежде крупной инфраструктуры"),
                (
                    "paragraph",
                    "<p>Общественная дискуссия в основном сосредоточена на крупных проектах, таких как новые порты и дополнительные паромы. Они необходимы, но на их реализацию уходят годы. Тем временем набор <i>мягких</i> мер мог бы значительно сократить время транзита:</p><ul><li>единая электронная транзитная декларация, признаваемая всеми государствами на маршруте;{{note:4}}</li><li>общая цифровая система бронирования мест на паромах, чтобы поезда не прибывали в порты без подтверждённого рейса;</li><li>совместный пограничный контроль на самых загруженных переходах.</li></ul>",
                ),
                (
                    "quote",
                    (
                        "Грузоотправители прощают медленный маршрут. Они не прощают маршрут, на котором никто не может сказать, когда прибудет груз.",
                        "Экспедитор из Алматы, ответ на анкету",
                    ),
                ),
                ("heading", "Рекомендации"),
                (
                    "paragraph",
                    "<p>Мы рекомендуем заинтересованным правительствам ежемесячно публиковать статистику транзита по каждому участку, согласовать общий целевой показатель максимального времени ожидания на паромных терминалах и увязать часть международного финансирования новой инфраструктуры с прогрессом в реализации этих мягких мер.{{note:5}} Публикация таких данных также помогла бы частным инвесторам определить, какие улучшения дают наибольшую отдачу. Торговые маршруты завоёвывают постоянных клиентов надёжностью, а не громкими заявлениями. Долгосрочные перспективы Среднего коридора будут зависеть от того, принесут ли ближайшие два года ощутимый рост предсказуемости.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Eurasian Rail Freight Council"],
                    "title": "Trans-Caspian Container Traffic: Annual Review 2022",
                    "publisher": "Eurasian Rail Freight Council",
                    "issued": "2023-02-10",
                    "url": "https://example.org/erfc/annual-review-2022",
                    "accessed": "2023-03-28",
                },
                "locator": "3",
            },
            {
                "comment": "<p>The survey covered 46 forwarding companies in Kazakhstan, Azerbaijan, Georgia and Türkiye and was conducted between November 2022 and January 2023. Figures refer to shipments reported by respondents and are not representative of all traffic on the route.</p>",
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Nurlanova, Aigerim"],
                    "title": "Storms halt Caspian ferry sailings for a fifth day",
                    "container": "Steppe Logistics News",
                    "issued": "2023-01-18",
                    "url": "https://example.com/sln/2023/01/18/caspian-ferries-storm",
                    "accessed": "2023-03-30",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Ospanov, Marat"],
                    "title": "Digital Transit Documents and Border Delays in Landlocked Economies",
                    "container": "Example Review of Trade Facilitation",
                    "issued": "2022",
                    "volume": "9",
                    "issue": "1",
                    "pages": "41–63",
                    "doi": "10.5555/ertf.2022.009",
                    "url": "https://example.net/ertf/9/1/ospanov",
                },
                "locator": "52",
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Development Bank"],
                    "title": "Connectivity Lending Framework for Central Asia and the Caucasus",
                    "url": "https://example.org/edb/connectivity-framework",
                    "accessed": "2023-04-02",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "eastern-mediterranean-gas-and-maritime-boundaries",
        "series": "commentary",
        "date": "2023-01-25",
        "topics": ["energy-security", "maritime-security"],
        "regions": ["eastern-mediterranean"],
        "authors": [("leyla-hasanova", "author")],
        "tags": ["offshore-gas", "maritime-boundaries", "lng"],
        "status": "live",
        "en": {
            "title": "Offshore Gas and Unsettled Boundaries in the Eastern Mediterranean",
            "summary": "Gas production in the Eastern Mediterranean has grown more slowly than once expected, largely because contested maritime boundaries deter investment. Functional cooperation that leaves sovereignty claims untouched offers a realistic way forward.",
            "body": [
                (
                    "paragraph",
                    "<p>Discoveries of natural gas beneath the Eastern Mediterranean seabed were once expected to turn the region into a significant supplier for Europe. More than a decade later, output has grown, but far more slowly than early forecasts suggested, and the unresolved question of maritime boundaries continues to shape which fields are developed and which are left untouched.{{note:1}}</p>",
                ),
                ("heading", "Commercial logic versus legal uncertainty"),
                (
                    "paragraph",
                    "<p>Energy companies are willing to operate in difficult environments, but they need legal certainty about who owns a resource and who can license it. Where claims to exclusive economic zones overlap, investors typically wait, or they proceed only in blocks whose status no neighbouring state disputes.{{note:2}} The result is a map of activity that reflects legal risk at least as much as geology. Several promising structures have not been drilled at all, simply because no company wants to be caught in a diplomatic dispute.</p>",
                ),
                (
                    "paragraph",
                    "<p>Export infrastructure adds another layer of complexity. A long subsea pipeline to Europe would be costly and would cross several contested areas. Liquefied natural gas, by contrast, allows producers to ship cargoes wherever prices are highest, but existing liquefaction plants in the region have limited spare capacity.{{note:3}} Proposals for new plants or floating facilities have been discussed for years, yet each depends on long-term sales contracts that European buyers are reluctant to sign.</p>",
                ),
                ("heading", "A case for functional cooperation"),
                (
                    "paragraph",
                    "<p>A comprehensive boundary settlement is unlikely in the near term. It does not follow that nothing can be done. Coastal states could agree on practical arrangements that leave sovereignty claims untouched, for example joint environmental monitoring, shared search-and-rescue procedures near offshore platforms, or notification rules for seismic surveys.{{note:4}} Such arrangements have precedents in other semi-enclosed seas and would lower the risk of incidents between vessels operating in the same waters.{{note:5}}</p>",
                ),
                (
                    "paragraph",
                    "<p>Gas alone will not transform the politics of the Eastern Mediterranean. But the way states manage its extraction over the coming decade will either deepen existing mistrust or slowly build habits of cooperation that could later extend to fisheries, shipping and renewable energy. The choice is still open.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Levant Energy Research Group"],
                    "title": "Eastern Mediterranean Gas: Forecasts and Outcomes, 2010–2022",
                    "publisher": "Levant Energy Research Group",
                    "issued": "2022-11-30",
                    "url": "https://example.org/lerg/forecasts-outcomes",
                    "accessed": "2023-01-10",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Papadaki, Helena", "Yalçın, Kerem"],
                    "title": "Licensing under Uncertainty: Offshore Exploration in Contested Waters",
                    "container": "Example Journal of Ocean Law",
                    "issued": "2021",
                    "volume": "36",
                    "issue": "3",
                    "pages": "201–228",
                    "doi": "10.5555/ejol.2021.0363",
                },
            },
            {
                "comment": "<p>Estimates of spare liquefaction capacity vary with maintenance schedules and the availability of feed gas. This commentary uses the conservative end of published ranges.</p>",
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Bellini, Marco"],
                    "title": "Seas of Cooperation: Functional Agreements in Disputed Waters",
                    "publisher": "Example Academic Publishing",
                    "issued": "2019",
                },
                "locator": "57",
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Bellini, Marco"],
                    "title": "Seas of Cooperation: Functional Agreements in Disputed Waters",
                    "publisher": "Example Academic Publishing",
                    "issued": "2019",
                },
                "locator": "73–75",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "climate-adaptation-finance-central-asia-water",
        "series": "analysis",
        "date": "2023-07-11",
        "topics": ["climate-policy"],
        "regions": ["central-asia"],
        "authors": [("daniyar-seitkaliyev", "author")],
        "tags": ["water", "adaptation", "climate-finance"],
        "status": "live",
        "en": {
            "title": "Paying for Adaptation: Water, Climate and Finance in Central Asia",
            "summary": "Climate change is already reducing the reliability of irrigation water across Central Asia, while adaptation funding covers only a fraction of needs. Water efficiency projects offer the most practical entry point for larger-scale finance.",
            "body": [
                (
                    "paragraph",
                    "<p>Central Asia is warming faster than the global average, and the glaciers that feed the region's major rivers are losing mass.{{note:1}} For farmers in the lower reaches of these rivers, climate change is not an abstract forecast but a matter of whether irrigation water arrives in July and August, when crops need it most. Because agriculture still employs a large share of the workforce, changes in water availability quickly become questions of income, food prices and rural stability.</p>",
                ),
                ("heading", "The adaptation gap"),
                (
                    "paragraph",
                    "<p>Governments in the region have adopted national adaptation plans, yet the funding available to implement them covers only a fraction of estimated needs. One recent assessment put the annual gap at several billion US dollars for the five Central Asian states combined.{{note:2}} Most existing projects are small, donor-funded and focused on single districts, which makes it hard to scale up approaches that work. Fragmentation also means that lessons learned in one district are rarely shared with the next, and that government agencies spend much of their limited capacity meeting the reporting requirements of dozens of separate donors.</p>",
                ),
                ("heading", "Why water is the entry point"),
                (
                    "paragraph",
                    "<p>Investing in water efficiency pays off whichever climate scenario materialises. Lining irrigation canals, modernising pumping stations and introducing metering can reduce losses substantially; in some older systems, more than half of the water diverted from rivers never reaches a field.{{note:3}} These projects also generate savings that can be used to repay loans, which makes them attractive to development banks. Unlike large dams, they rarely cause disputes between neighbouring states.</p>",
                ),
                (
                    "quote",
                    (
                        "We used to argue about how to share the river. Now we also have to plan for the years when there will be less of it to share.",
                        "Chair of a water user association, southern Kazakhstan",
                    ),
                ),
                ("heading", "Making finance work"),
                (
                    "paragraph",
                    "<p>To attract larger volumes of finance, the region's governments could:</p><ul><li>pool small projects into regional programmes that meet the minimum size preferred by international funds;</li><li>publish basin-level data on water use, which lenders need in order to assess risk;{{note:4}}</li><li>use part of the savings from efficiency gains to compensate upstream states for storing water until summer.</li></ul><p>Cross-border cooperation on water has often been difficult, but adaptation finance offers a rare opportunity to align national and regional interests.{{note:2}}</p>",
                ),
            ],
        },
        "tr": {
            "slug": "uyum-finansmani-orta-asya-su",
            "title": "Uyumun Bedeli: Orta Asya'da Su, İklim ve Finansman",
            "summary": "İklim değişikliği Orta Asya genelinde sulama suyunun güvenilirliğini şimdiden azaltırken uyum finansmanı ihtiyaçların yalnızca küçük bir bölümünü karşılıyor. Su verimliliği projeleri, daha büyük ölçekli finansmana ulaşmak için en pratik giriş noktasını sunuyor.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Orta Asya küresel ortalamadan daha hızlı ısınıyor ve bölgenin başlıca nehirlerini besleyen buzullar kütle kaybediyor.{{note:1}} Bu nehirlerin aşağı havzalarındaki çiftçiler için iklim değişikliği soyut bir öngörü değil; sulama suyunun, ekinlerin ona en çok ihtiyaç duyduğu temmuz ve ağustos aylarında gelip gelmeyeceği meselesi. Tarım hâlâ işgücünün önemli bir bölümünü istihdam ettiğinden, su arzındaki değişiklikler hızla gelir, gıda fiyatları ve kırsal istikrar sorunlarına dönüşüyor.</p>",
                ),
                ("heading", "Uyum açığı"),
                (
                    "paragraph",
                    "<p>Bölge hükümetleri ulusal uyum planlarını kabul etti; ancak bu planları uygulamak için mevcut finansman, tahmini ihtiyaçların yalnızca küçük bir bölümünü karşılıyor. Yakın tarihli bir değerlendirme, beş Orta Asya ülkesinin toplam yıllık açığını birkaç milyar ABD doları olarak hesapladı.{{note:2}} Mevcut projelerin çoğu küçük ölçekli, bağışçılarca finanse edilen ve tek bir ilçeye odaklanan projeler olduğundan işe yarayan yaklaşımları yaygınlaştırmak zorlaşıyor. Dağınıklık ayrıca bir ilçede edinilen derslerin komşu ilçeyle nadiren paylaşılması ve kamu kurumlarının sınırlı kapasitelerinin önemli bir bölümünü onlarca farklı bağışçının raporlama şartlarını yerine getirmeye harcaması anlamına geliyor.</p>",
                ),
                ("heading", "Giriş noktası neden su"),
                (
                    "paragraph",
                    "<p>Su verimliliğine yapılan yatırım, hangi iklim senaryosu gerçekleşirse gerçekleşsin karşılığını verir. Sulama kanallarının kaplanması, pompa istasyonlarının modernize edilmesi ve sayaç kullanımına geçilmesi kayıpları önemli ölçüde azaltabilir; bazı eski sistemlerde nehirlerden alınan suyun yarısından fazlası hiçbir zaman tarlaya ulaşmıyor.{{note:3}} Bu projeler ayrıca kredilerin geri ödenmesinde kullanılabilecek tasarruflar sağladığından kalkınma bankaları için de cazip. Büyük barajların aksine bu tür projeler komşu devletler arasında nadiren anlaşmazlığa yol açar.</p>",
                ),
                (
                    "quote",
                    (
                        "Eskiden nehri nasıl paylaşacağımızı tartışırdık. Şimdi paylaşacak suyun daha az olacağı yılları da planlamak zorundayız.",
                        "Bir su kullanıcıları birliğinin başkanı, Güney Kazakistan",
                    ),
                ),
                ("heading", "Finansmanı işler hâle getirmek"),
                (
                    "paragraph",
                    "<p>Daha büyük finansman hacimleri çekmek için bölge hükümetleri şunları yapabilir:</p><ul><li>küçük projeleri, uluslararası fonların tercih ettiği asgari büyüklüğü karşılayan bölgesel programlarda bir araya getirmek;</li><li>kredi verenlerin riski değerlendirebilmek için ihtiyaç duyduğu havza düzeyindeki su kullanım verilerini yayımlamak;{{note:4}}</li><li>verimlilik kazanımlarından elde edilen tasarrufların bir kısmını, suyu yaz aylarına kadar depolayan membadaki ülkeleri tazmin etmek için kullanmak.</li></ul><p>Su konusunda sınır ötesi işbirliği çoğu zaman zor olmuştur; ancak uyum finansmanı, ulusal ve bölgesel çıkarları bağdaştırmak için nadir bir fırsat sunuyor.{{note:2}}</p>",
                ),
            ],
        },
        "ru": {
            "slug": "финансирование-адаптации-вода-центральная-азия",
            "title": "Кто заплатит за адаптацию: вода, климат и финансы в Центральной Азии",
            "summary": "Изменение климата уже снижает надёжность поливного водоснабжения по всей Центральной Азии, а финансирование адаптации покрывает лишь малую часть потребностей. Проекты по повышению эффективности водопользования — самая практичная отправная точка для привлечения крупного финансирования.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Центральная Азия нагревается быстрее, чем планета в среднем, а ледники, питающие главные реки региона, теряют массу.{{note:1}} Для фермеров в низовьях этих рек изменение климата — не абстрактный прогноз, а вопрос о том, придёт ли поливная вода в июле и августе, когда посевы нуждаются в ней больше всего. Поскольку в сельском хозяйстве по-прежнему занята значительная часть населения, перемены в доступности воды быстро превращаются в вопросы доходов, цен на продовольствие и стабильности в сельской местности.</p>",
                ),
                ("heading", "Дефицит средств на адаптацию"),
                (
                    "paragraph",
                    "<p>Правительства стран региона приняли национальные планы адаптации, однако имеющееся финансирование покрывает лишь малую часть оценочных потребностей. Согласно одной из недавних оценок, ежегодный дефицит для пяти государств Центральной Азии в совокупности составляет несколько миллиардов долларов США.{{note:2}} Большинство существующих проектов невелики, финансируются донорами и ограничены отдельными районами, поэтому масштабировать успешные подходы трудно. Раздробленность также означает, что опыт, полученный в одном районе, редко передаётся в соседний, а государственные ведомства тратят значительную часть своих ограниченных ресурсов на выполнение требований к отчётности десятков различных доноров.</p>",
                ),
                ("heading", "Почему начинать стоит с воды"),
                (
                    "paragraph",
                    "<p>Инвестиции в эффективность водопользования окупаются при любом климатическом сценарии. Облицовка оросительных каналов, модернизация насосных станций и внедрение учёта воды способны существенно сократить потери: в некоторых старых системах более половины забранной из рек воды так и не доходит до полей.{{note:3}} Кроме того, такие проекты дают экономию, которую можно направить на погашение кредитов, и потому привлекательны для банков развития. В отличие от крупных плотин, они редко становятся причиной споров между соседними государствами.</p>",
                ),
                (
                    "quote",
                    (
                        "Раньше мы спорили о том, как делить реку. Теперь приходится планировать и те годы, когда делить будет почти нечего.",
                        "Председатель ассоциации водопользователей, юг Казахстана",
                    ),
                ),
                ("heading", "Как заставить финансы работать"),
                (
                    "paragraph",
                    "<p>Чтобы привлечь более крупное финансирование, правительства стран региона могли бы:</p><ul><li>объединять небольшие проекты в региональные программы, соответствующие минимальному размеру, который предпочитают международные фонды;</li><li>публиковать данные о водопользовании на уровне бассейнов, необходимые кредиторам для оценки рисков;{{note:4}}</li><li>направлять часть экономии от повышения эффективности на компенсацию странам верхнего течения за накопление воды до лета.</li></ul><p>Трансграничное сотрудничество по воде часто давалось с трудом, но финансирование адаптации открывает редкую возможность согласовать национальные и региональные интересы.{{note:2}}</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Abenova, Gulnara", "Hansen, Peter"],
                    "title": "Glacier Mass Loss in the Tien Shan, 2000–2020",
                    "container": "Example Journal of Mountain Hydrology",
                    "issued": "2022",
                    "volume": "18",
                    "issue": "4",
                    "pages": "305–327",
                    "doi": "10.5555/ejmh.2022.184",
                },
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Regional Climate Finance Observatory"],
                    "title": "Counting the Cost: Adaptation Needs in Central Asia",
                    "publisher": "Regional Climate Finance Observatory",
                    "issued": "2023-03-21",
                    "url": "https://example.org/rcfo/counting-the-cost",
                    "accessed": "2023-06-30",
                },
                "locator": "12",
                "comment": "<p>The estimate excludes investment in hydropower and covers adaptation measures in agriculture, water supply and disaster risk reduction only.</p>",
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Irrigation Network"],
                    "title": "Conveyance Losses in Soviet-Era Irrigation Systems",
                    "issued": "2021-09-14",
                    "url": "https://example.net/ein/conveyance-losses",
                    "accessed": "2023-06-25",
                },
            },
            {
                "source": {
                    "type": "interview",
                    "authors": ["Tokhtarova, Zarina"],
                    "title": "Interview with the author on basin data and lending decisions",
                    "issued": "2023-05-12",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "undersea-cables-red-sea-chokepoint",
        "series": "analysis",
        "date": "2024-03-08",
        "topics": ["technology-cyber", "maritime-security"],
        "regions": ["middle-east"],
        "authors": [("thomas-whitfield", "author")],
        "tags": ["subsea-cables", "internet", "chokepoints"],
        "status": "live",
        "en": {
            "title": "Undersea Cables and the Red Sea Chokepoint",
            "summary": "A large share of data traffic between Europe and Asia runs through cables laid in a narrow Red Sea corridor. Concentrated routes and a scarcity of repair ships make the region a digital chokepoint that deserves as much attention as its shipping lanes.",
            "body": [
                (
                    "paragraph",
                    "<p>Most discussion of the Red Sea's strategic importance focuses on tankers and container ships. Less visible, but equally important, are the subsea cables on the seabed beneath them. A substantial share of data traffic between Europe, the Gulf and Asia passes through the narrow waters between the Suez Canal and the Bab el-Mandeb strait.{{note:1}} Damage to these cables rarely makes the news, yet it can slow financial transactions, cloud services and ordinary communications across several countries at once.</p>",
                ),
                ("heading", "Concentrated routes, concentrated risk"),
                (
                    "paragraph",
                    "<p>Cables are laid where geography and cost allow, and in the Red Sea that means following a relatively narrow corridor. Several systems therefore run close to each other, which increases the chance that a single incident, such as an anchor dragged by a disabled ship, damages more than one of them at once.{{note:2}} Data on the precise routes is often withheld for security reasons, which complicates independent risk assessment. Most faults worldwide are accidental rather than deliberate, but in a region with ongoing maritime insecurity the line between the two can be difficult to establish.{{note:3}}</p>",
                ),
                ("heading", "Repair is the weak link"),
                (
                    "paragraph",
                    "<p>The world has a limited number of cable repair ships, and they are unevenly distributed. A repair requires permits from the coastal state, a safe operating environment and often several weeks of work.{{note:4}} When security conditions deteriorate, insurers and ship operators may be unwilling to send vessels at all, turning a routine fault into a prolonged outage.{{note:5}} Operators therefore increasingly pay for standby agreements that guarantee access to a repair ship, but these arrangements are costly and cover only part of the region.</p>",
                ),
                (
                    "quote",
                    (
                        "We can splice a cable in a few days. Getting permission and protection to reach it can take a month.",
                        "Cable maintenance engineer, speaking at an industry workshop",
                    ),
                ),
                ("heading", "Policy implications"),
                (
                    "paragraph",
                    "<p>For states that depend on these routes, including Türkiye, diversification is the most effective response. Terrestrial routes across the Middle East and the Caucasus, though politically complex, can provide useful redundancy.{{note:6}} Regional governments could also agree on fast-track permits for repair vessels and share information on ship movements near cable corridors. None of this requires new institutions, only a recognition that digital infrastructure deserves the same attention as shipping lanes.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Global Subsea Data Forum"],
                    "title": "Cable Landing Map and Capacity Estimates 2023",
                    "publisher": "Global Subsea Data Forum",
                    "issued": "2023-11-01",
                    "url": "https://example.org/gsdf/capacity-2023",
                    "accessed": "2024-02-20",
                },
                "locator": "22",
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Global Subsea Data Forum"],
                    "title": "Cable Landing Map and Capacity Estimates 2023",
                    "publisher": "Global Subsea Data Forum",
                    "issued": "2023-11-01",
                    "url": "https://example.org/gsdf/capacity-2023",
                    "accessed": "2024-02-20",
                },
                "locator": "31",
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Farouk, Nadia"],
                    "title": "Accident or Attack? Attribution Problems in Subsea Infrastructure Incidents",
                    "container": "Example Security Studies Quarterly",
                    "issued": "2023",
                    "volume": "11",
                    "issue": "2",
                    "pages": "77–98",
                    "doi": "10.5555/essq.2023.112",
                },
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Cable Protection Association"],
                    "title": "How Subsea Cable Repairs Work",
                    "url": "https://example.com/ecpa/how-repairs-work",
                    "accessed": "2024-02-28",
                },
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Saleh, Omar"],
                    "title": "Repair of damaged data cables delayed by security concerns",
                    "container": "Gulf Maritime Journal",
                    "issued": "2024-03-01",
                    "url": "https://example.net/gmj/2024/03/01/cable-repair-delay",
                    "accessed": "2024-03-04",
                },
            },
            {
                "comment": "<p>Terrestrial routes face their own risks, including construction damage and political interruptions, but these risks are largely independent of those at sea, which is what matters for redundancy.</p>",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "semiconductor-supply-chains-asia-pacific-lessons",
        "series": "bulletin",
        "date": "2024-05-22",
        "topics": ["technology-cyber", "trade-connectivity"],
        "regions": ["asia-pacific"],
        "authors": [("ayse-demirtas", "author")],
        "tags": ["semiconductors", "supply-chains", "industrial-policy"],
        "status": "live",
        "en": {
            "title": "Semiconductor Supply Chains: What Asia-Pacific Diversification Means for Türkiye",
            "summary": "Chipmakers are spreading new capacity across the Asia-Pacific and beyond, with assembly and testing moving fastest. Türkiye's realistic opportunities lie in back-end production and in chips for automotive and industrial uses.",
            "body": [
                (
                    "paragraph",
                    "<p>Over the past two years, major chip producers in East Asia have announced new plants in Southeast Asia, India and elsewhere, partly in response to export controls and partly to reduce the risks of geographic concentration.{{note:1}} This bulletin summarises the main trends and considers what they mean for mid-sized manufacturing economies such as Türkiye.</p>",
                ),
                ("heading", "Key trends"),
                (
                    "paragraph",
                    "<p>Three developments stand out in recent announcements:</p><ul><li><b>Back-end relocation.</b> Assembly, testing and packaging are moving faster than wafer fabrication, because they require less capital and fewer specialised engineers.{{note:2}}</li><li><b>Government incentives.</b> Subsidy packages have become a standard feature of industrial policy across the region, raising the cost of attracting investment for everyone else.</li><li><b>Skills bottlenecks.</b> Shortages of process engineers are now cited as a bigger constraint than the availability of land or energy.{{note:3}}</li></ul>",
                ),
                ("heading", "Implications for Türkiye"),
                (
                    "paragraph",
                    "<p>Türkiye is unlikely to host leading-edge fabrication in the foreseeable future. Its more realistic opportunity lies in the back-end segment and in chips for automotive and industrial uses, where its existing manufacturing base already creates local demand.{{note:4}} Proximity to European customers is an advantage, but only if it is combined with reliable electricity supply, predictable customs procedures and a steady pipeline of trained technicians.</p>",
                ),
                (
                    "paragraph",
                    "<p>Policy-makers should also be realistic about timescales. Even back-end plants take several years to reach full production, and the current wave of relocation may slow if demand for consumer electronics weakens.{{note:2}} A targeted approach, focusing on a few niches and on partnerships between companies and technical universities, is more promising than a broad subsidy race with much larger economies.</p>",
                ),
                ("heading", "What to watch"),
                (
                    "paragraph",
                    "<p>Over the next year, three signals will indicate whether the opportunity is real: whether any of the large Asian assembly firms opens a facility aimed at European customers in the wider region; whether domestic automotive suppliers sign long-term purchasing agreements with local chip packagers; and whether vocational schools expand microelectronics programmes beyond pilot classes.</p>",
                ),
            ],
        },
        "tr": {
            "slug": "yari-iletken-tedarik-zincirleri-asya-pasifik",
            "title": "Yarı İletken Tedarik Zincirleri: Asya-Pasifik'teki Çeşitlenme Türkiye İçin Ne Anlama Geliyor?",
            "summary": "Çip üreticileri yeni kapasitelerini Asya-Pasifik'e ve ötesine yayıyor; en hızlı kayma montaj ve test aşamalarında yaşanıyor. Türkiye'nin gerçekçi fırsatları arka uç üretiminde ve otomotiv ile sanayiye yönelik çiplerde yatıyor.",
            "status": "live",
            "body": [
                (
                    "paragraph",
                    "<p>Son iki yılda Doğu Asya'nın büyük çip üreticileri, kısmen ihracat kontrollerine yanıt olarak, kısmen de coğrafi yoğunlaşmanın risklerini azaltmak amacıyla Güneydoğu Asya'da, Hindistan'da ve başka ülkelerde yeni tesisler kuracaklarını duyurdu.{{note:1}} Bu bülten başlıca eğilimleri özetliyor ve bunların Türkiye gibi orta ölçekli imalat ekonomileri için ne anlama geldiğini tartışıyor.</p>",
                ),
                ("heading", "Başlıca eğilimler"),
                (
                    "paragraph",
                    "<p>Son duyurularda üç gelişme öne çıkıyor:</p><ul><li><b>Arka uç üretimin yer değiştirmesi.</b> Montaj, test ve paketleme faaliyetleri daha az sermaye ve daha az uzman mühendis gerektirdiği için yonga plakası üretiminden daha hızlı yer değiştiriyor.{{note:2}}</li><li><b>Devlet teşvikleri.</b> Sübvansiyon paketleri bölge genelinde sanayi politikasının olağan bir unsuru hâline geldi; bu da diğer herkes için yatırım çekmenin maliyetini artırıyor.</li><li><b>Beceri darboğazları.</b> Süreç mühendisi açığı artık arazi ya da enerji bulunabilirliğinden daha büyük bir kısıt olarak gösteriliyor.{{note:3}}</li></ul>",
                ),
                ("heading", "Türkiye için çıkarımlar"),
                (
                    "paragraph",
                    "<p>Türkiye'nin öngörülebilir gelecekte en ileri teknolojiye sahip çip üretim tesislerine ev sahipliği yapması olası görünmüyor. Daha gerçekçi fırsat, arka uç segmentinde ve mevcut imalat tabanının hâlihazırda yerel talep yarattığı otomotiv ve sanayi uygulamalarına yönelik çiplerde yatıyor.{{note:4}} Avrupalı müşterilere yakınlık bir avantaj; ancak bu avantaj ancak güvenilir elektrik arzı, öngörülebilir gümrük işlemleri ve düzenli olarak yetiştirilen eğitimli teknisyenlerle birleştiğinde anlam kazanır.</p>",
                ),
                (
                    "paragraph",
                    "<p>Politika yapıcılar zaman çizelgeleri konusunda da gerçekçi olmalı. Arka uç tesislerin bile tam kapasiteye ulaşması birkaç yıl sürüyor ve tüketici elektroniğine olan talep zayıflarsa mevcut yer değiştirme dalgası yavaşlayabilir.{{note:2}} Birkaç niş alana ve şirketlerle teknik üniversiteler arasındaki ortaklıklara odaklanan hedefli bir yaklaşım, çok daha büyük ekonomilerle geniş kapsamlı bir sübvansiyon yarışına girmekten daha umut verici.</p>",
                ),
                ("heading", "Nelere dikkat edilmeli"),
                (
                    "paragraph",
                    "<p>Önümüzdeki yıl üç işaret, fırsatın gerçek olup olmadığını gösterecek: büyük Asyalı montaj firmalarından herhangi birinin daha geniş bölgede Avrupalı müşterilere yönelik bir tesis açıp açmayacağı; yerli otomotiv tedarikçilerinin yerel çip paketleme firmalarıyla uzun vadeli alım anlaşmaları imzalayıp imzalamayacağı; ve meslek okullarının mikroelektronik programlarını pilot sınıfların ötesine taşıyıp taşımayacağı.</p>",
                ),
            ],
        },
        # This Russian version is an unfinished draft and must never be shown.
        "ru": {
            "slug": "цепочки-поставок-полупроводников-атр",
            "title": "Цепочки поставок полупроводников: что диверсификация в АТР означает для Турции",
            "summary": "Производители чипов размещают новые мощности по всему Азиатско-Тихоокеанскому региону и за его пределами, причём быстрее всего переносятся сборка и тестирование. Реальные возможности Турции связаны с завершающими этапами производства и с чипами для автомобильной и промышленной отраслей.",
            "status": "draft",
            "body": [
                (
                    "paragraph",
                    "<p>За последние два года крупные производители чипов из Восточной Азии объявили о строительстве новых заводов в Юго-Восточной Азии, Индии и других странах — отчасти в ответ на экспортный контроль, отчасти чтобы снизить риски географической концентрации.{{note:1}} В этом бюллетене кратко изложены основные тенденции и рассмотрено, что они означают для средних по размеру промышленных экономик, таких как Турция.</p>",
                ),
                ("heading", "Основные тенденции"),
                (
                    "paragraph",
                    "<p>В недавних заявлениях выделяются три тенденции:</p><ul><li><b>Перенос завершающих этапов.</b> Сборка, тестирование и корпусирование перемещаются быстрее, чем производство пластин, поскольку требуют меньше капитала и меньше узкоспециализированных инженеров.{{note:2}}</li><li><b>Государственные стимулы.</b> Пакеты субсидий стали стандартным элементом промышленной политики во всём регионе, что повышает стоимость привлечения инвестиций для всех остальных.</li><li><b>Нехватка кадров.</b> Дефицит инженеров-технологов теперь называют более серьёзным ограничением, чем доступность земли или энергии.{{note:3}}</li></ul>",
                ),
                ("heading", "Что это значит для Турции"),
                (
                    "paragraph",
                    "<p>В обозримом будущем Турция вряд ли станет площадкой для самого передового производства чипов. Более реалистичные возможности связаны с завершающими этапами производства и с чипами для автомобильной и промышленной отраслей, где существующая производственная база уже создаёт местный спрос.{{note:4}} Близость к европейским заказчикам — преимущество, но лишь в сочетании с надёжным электроснабжением, предсказуемыми таможенными процедурами и стабильной подготовкой квалифицированных техников.</p>",
                ),
                (
                    "paragraph",
                    "<p>Политикам также следует реалистично оценивать сроки. Даже заводам завершающего цикла требуется несколько лет, чтобы выйти на полную мощность, а нынешняя волна переноса производств может замедлиться, если спрос на бытовую электронику ослабнет.{{note:2}} Целевой подход, сосредоточенный на нескольких нишах и на партнёрстве компаний с техническими университетами, перспективнее широкой гонки субсидий с гораздо более крупными экономиками.</p>",
                ),
                ("heading", "За чем следить"),
                (
                    "paragraph",
                    "<p>В течение следующего года о том, реальна ли эта возможность, скажут три сигнала: откроет ли какая-либо из крупных азиатских сборочных компаний в более широком регионе предприятие, ориентированное на европейских заказчиков; заключат ли турецкие поставщики автокомпонентов долгосрочные соглашения о закупках с местными компаниями, занимающимися корпусированием чипов; и расширят ли профессиональные училища программы по микроэлектронике за пределы пилотных классов.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Tan, Mei Lin"],
                    "title": "Chipmakers spread new capacity across Southeast Asia",
                    "container": "Pacific Tech Ledger",
                    "issued": "2024-02-12",
                    "url": "https://example.com/ptl/2024/02/12/chip-capacity",
                    "accessed": "2024-05-10",
                },
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Asia Industrial Policy Lab"],
                    "title": "Back-End First: The Geography of Semiconductor Assembly and Testing",
                    "publisher": "Asia Industrial Policy Lab",
                    "issued": "2023-12-05",
                    "url": "https://example.org/aipl/back-end-first",
                    "accessed": "2024-05-08",
                },
                "locator": "9",
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Park, Hyun-woo", "Rao, Anjali"],
                    "title": "Engineering Skills and the Location of Semiconductor Investment",
                    "container": "Example Journal of Technology Policy",
                    "issued": "2023",
                    "volume": "27",
                    "issue": "1",
                    "pages": "12–34",
                    "doi": "10.5555/ejtp.2023.271",
                },
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Association of Electronics Manufacturers"],
                    "title": "Domestic Chip Demand in the Automotive and Industrial Sectors",
                    "issued": "2024-01-30",
                    "url": "https://example.org/eaem/domestic-chip-demand",
                    "accessed": "2024-05-14",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "interview-refugee-return-and-local-integration",
        "series": "interview",
        "date": "2024-09-10",
        "topics": ["migration"],
        "regions": ["middle-east", "eastern-mediterranean"],
        "authors": [("ayse-demirtas", "author")],
        "tags": ["refugees", "integration", "labour-markets"],
        "status": "live",
        "en": {
            "title": "“Return Cannot Be the Only Plan”: An Interview on Refugee Policy in the Eastern Mediterranean",
            "summary": "A migration researcher argues that host countries must plan for the years before any large-scale return, with simpler work permits and more support for the municipalities that carry the everyday costs.",
            "body": [
                (
                    "paragraph",
                    "<p>More than a decade after large-scale displacement began in the region, host countries in the Eastern Mediterranean and the Middle East face difficult choices about long-term refugee policy. Ayşe Demirtaş spoke with Dr. Selin Arıkan, a migration researcher who has studied refugee communities in Türkiye, Lebanon and Jordan, about return, integration and what should come next.{{note:1}}</p>",
                ),
                ("heading", "On return"),
                (
                    "paragraph",
                    "<p><b>Many politicians in host countries say that voluntary return is the goal. Is that realistic?</b></p><p>Return is a legitimate aim, and many refugees themselves say they hope to go home one day. But surveys consistently show that most do not consider return possible in the near future, mainly because of security concerns, the destruction of housing and uncertainty about property rights.{{note:2}} If return is treated as the only plan, policies for the years in between are neglected, and those years can be very long. Many younger refugees have also grown up in their host countries and have little memory of the places their parents left.</p>",
                ),
                (
                    "quote",
                    (
                        "A temporary status that lasts for ten years is no longer temporary. It simply means that nobody has planned for the present.",
                        "Dr. Selin Arıkan",
                    ),
                ),
                ("heading", "On work and education"),
                (
                    "paragraph",
                    "<p><b>Where have host countries been most successful?</b></p><p>Education is the clearest success. School enrolment among refugee children has risen considerably over the past decade, although attendance at secondary level remains much lower than at primary level.{{note:3}} Vocational courses linked to local employers have shown good results, but they remain small. Access to formal employment has been harder. Work permits exist on paper, but the costs and paperwork discourage employers, so most refugees still work informally, often for lower wages and without social security.{{note:4}}</p>",
                ),
                ("heading", "On the future"),
                (
                    "paragraph",
                    "<p><b>What should policy-makers prioritise now?</b></p><p>First, simplifying work permits, because formal employment increases tax revenue and reduces exploitation. Second, supporting the municipalities that host the largest populations, since they bear most of the everyday costs of water, waste collection and schooling.{{note:5}} Third, being honest with the public. Social tensions grow when people are told that a situation is temporary and then see, year after year, that it is not.{{note:2}} Public debates that ignore this reality leave local officials without a mandate to plan.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "interview",
                    "authors": ["Arıkan, Selin"],
                    "title": "Interview with Ayşe Demirtaş",
                    "issued": "2024-08-22",
                },
                "comment": "<p>The interview was conducted in Istanbul and has been edited for length and clarity.</p>",
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Regional Displacement Research Network"],
                    "title": "Intentions to Return: Survey of Refugee Households, Seventh Round",
                    "publisher": "Regional Displacement Research Network",
                    "issued": "2024-04-18",
                    "url": "https://example.org/rdrn/intentions-round-7",
                    "accessed": "2024-08-30",
                },
                "locator": "5",
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Education Access Monitor"],
                    "title": "Refugee School Enrolment Dashboard",
                    "url": "https://example.net/eeam/dashboard",
                    "accessed": "2024-08-28",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Güneş, Tarık", "Mansour, Lina"],
                    "title": "Work Permits and Informal Employment among Refugees in Host Economies",
                    "container": "Example Migration Review",
                    "issued": "2022",
                    "volume": "31",
                    "issue": "3",
                    "pages": "450–476",
                    "doi": "10.5555/emr.2022.313",
                },
            },
            {
                "comment": "<p>Municipal budgets in most host countries are calculated on the basis of registered citizens rather than actual residents, so towns with large refugee populations receive no automatic increase in funding.</p>",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "heat-water-and-mobility-in-the-south-caucasus",
        "series": "commentary",
        "date": "2025-02-14",
        "topics": ["climate-policy", "migration"],
        "regions": ["south-caucasus"],
        "authors": [("leyla-hasanova", "author")],
        "tags": ["climate-migration", "agriculture", "rural-development"],
        "status": "live",
        "en": {
            "title": "Heat, Water and Mobility: Climate Pressures on Rural Livelihoods in the South Caucasus",
            "summary": "Droughts and floods are quietly adding a climate dimension to rural out-migration in the South Caucasus. Adaptation planning should treat mobility and remittances as part of the response rather than as a side issue.",
            "body": [
                (
                    "paragraph",
                    "<p>Rural depopulation in the South Caucasus is usually explained by economics: young people leave villages for cities or for work abroad because wages are higher. Climate change is now adding a second, less visible driver. Longer summer droughts and more frequent spring floods are reducing yields in several farming districts, making agriculture an even less attractive livelihood.{{note:1}} In some villages, the share of working-age residents has halved within a generation.</p>",
                ),
                ("heading", "A slow-onset push"),
                (
                    "paragraph",
                    "<p>Unlike sudden disasters, slow-onset climate impacts rarely appear in migration statistics. Families do not describe themselves as climate migrants; they say that the harvest was poor for the third year running, or that the irrigation canal ran dry.{{note:2}} Household surveys in lowland areas nevertheless show a clear link between repeated crop losses and the decision of at least one family member to seek work elsewhere.{{note:3}}</p>",
                ),
                (
                    "paragraph",
                    "<p>The pattern differs between countries and even between neighbouring valleys. Highland communities that depend on livestock face different pressures from lowland districts that rely on irrigated orchards and vegetables, and household responses vary accordingly.{{note:1}}</p>",
                ),
                ("heading", "Remittances as adaptation"),
                (
                    "paragraph",
                    "<p>Migration is not only a sign of failed adaptation; it can also be a form of it. Money sent home by relatives working in cities or abroad often pays for drip irrigation, greenhouses or livestock, helping the remaining household cope with a changing climate.{{note:4}} The risk lies in villages where only the elderly remain and nobody has the capacity to invest. Local banks and microfinance institutions could do more to turn such transfers into longer-term investment.</p>",
                ),
                ("heading", "What governments can do"),
                (
                    "paragraph",
                    "<p>National climate strategies in the region mention migration only briefly, and ministries of agriculture, environment and labour rarely share data, so the links between these policy areas remain largely invisible to decision-makers. Three steps would help: include rural mobility in adaptation planning, channel small-scale climate finance through local water user associations, and support returning migrants who want to invest in farming.{{note:5}} Managed well, mobility can strengthen rural resilience rather than hollow it out.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Caucasus Agro-Climate Platform"],
                    "title": "Drought and Flood Impacts on Smallholder Yields, 2015–2024",
                    "publisher": "Caucasus Agro-Climate Platform",
                    "issued": "2024-11-06",
                    "url": "https://example.org/cacp/yield-impacts",
                    "accessed": "2025-01-20",
                },
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Beridze, Nino"],
                    "title": "Leaving the Land: Rural Lives in the Post-Soviet Caucasus",
                    "publisher": "Example University Press",
                    "issued": "2020",
                },
                "locator": "64",
            },
            {
                "source": {
                    "type": "book",
                    "authors": ["Beridze, Nino"],
                    "title": "Leaving the Land: Rural Lives in the Post-Soviet Caucasus",
                    "publisher": "Example University Press",
                    "issued": "2020",
                },
                "locator": "112–118",
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Petrosyan, Armen", "Becker, Laura"],
                    "title": "Remittances and On-Farm Investment under Climate Stress",
                    "container": "Example Journal of Development and Environment",
                    "issued": "2023",
                    "volume": "12",
                    "issue": "2",
                    "pages": "88–107",
                    "doi": "10.5555/ejde.2023.122",
                },
            },
            {
                "comment": "<p>Water user associations already exist in most irrigated districts, although their capacity varies widely. Strengthening them would be cheaper than creating new delivery channels for climate finance.</p>",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "black-sea-offshore-wind-outlook",
        "series": "report",
        "date": "2025-04-03",
        "topics": ["climate-policy", "energy-security"],
        "regions": ["black-sea"],
        "authors": [("leyla-hasanova", "author"), ("thomas-whitfield", "co-author")],
        "tags": ["offshore-wind", "renewables", "grids"],
        "status": "live",
        "en": {
            "title": "Wind over the Black Sea: Prospects for Offshore Renewable Energy",
            "summary": "The Black Sea has a wind resource comparable to established offshore markets, but deep water, insecurity, weak grids and a lack of suitable ports stand in the way. This report sets out the obstacles and the no-regret steps littoral states can take now.",
            "body": [
                (
                    "paragraph",
                    "<p>The Black Sea has long been discussed in energy terms as a transit space for oil and gas. Its potential as a source of renewable electricity has received far less attention. Yet several coastal areas, particularly in the western part of the basin, have average wind speeds comparable to those at established offshore sites in northern Europe.{{note:1}} This report assesses the technical potential, the main obstacles and the policy choices facing littoral states.</p>",
                ),
                ("heading", "Technical potential"),
                (
                    "paragraph",
                    "<p>Much of the Black Sea is very deep, which rules out the fixed-bottom turbines that dominate offshore wind today. The shallow shelf areas suitable for fixed foundations are concentrated off the north-western and western coasts, while other areas would require floating technology, which is still considerably more expensive.{{note:2}} Floating platforms would also need specialised vessels and assembly yards that do not yet exist anywhere in the basin.</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Indicative offshore wind potential by sub-area (gigawatts)",
                        "rows": [
                            ["Sub-area", "Fixed-bottom", "Floating", "Main constraint"],
                            ["North-western shelf", "20", "5", "Shipping lanes"],
                            ["Western coast", "12", "8", "Grid capacity"],
                            ["Southern coast", "2", "15", "Water depth"],
                            ["Eastern coast", "1", "6", "Water depth and ports"],
                        ],
                    },
                ),
                ("heading", "Obstacles"),
                (
                    "paragraph",
                    "<p>Three obstacles stand out. First, security: drifting mines and military activity have made parts of the sea hazardous since 2022, raising insurance costs for any offshore construction.{{note:3}} Second, grids: coastal transmission networks were not built to absorb several gigawatts of variable power. Third, supply chains: the region has few ports equipped to handle the very large components of modern turbines.{{note:1}} Each of these obstacles could be overcome on its own; together they form a formidable barrier.</p>",
                ),
                (
                    "quote",
                    (
                        "The wind resource is not the problem. The problem is that every other piece of the puzzle is missing at the same time.",
                        "Energy planner from a Black Sea coastal state, workshop discussion",
                    ),
                ),
                ("heading", "Policy choices"),
                (
                    "paragraph",
                    "<p>Littoral states could start with measures that do not depend on an immediate improvement in security: mapping suitable zones jointly with maritime authorities, upgrading at least one port per country for turbine logistics, and planning grid reinforcements now, since these take longer to build than the turbines themselves.{{note:4}} Regional coordination on marine spatial planning would also reduce conflicts with shipping and fisheries.{{note:5}}</p><p>Offshore wind will not replace gas in the region's energy mix within this decade. Over a longer horizon, however, it could turn the Black Sea from a corridor for imported fuels into a source of domestic, low-carbon power, serving both climate and energy security goals.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Example Offshore Wind Alliance"],
                    "title": "Black Sea Wind Resource Assessment",
                    "publisher": "Example Offshore Wind Alliance",
                    "issued": "2024-06-12",
                    "url": "https://example.org/eowa/black-sea-assessment",
                    "accessed": "2025-03-01",
                },
                "locator": "14",
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Popescu, Ioana", "Aksoy, Mehmet"],
                    "title": "Bathymetry and Foundation Choice for Offshore Wind in Semi-Enclosed Seas",
                    "container": "Example Journal of Renewable Marine Energy",
                    "issued": "2023",
                    "volume": "5",
                    "issue": "3",
                    "pages": "210–231",
                    "doi": "10.5555/ejrme.2023.053",
                },
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Andreev, Viktor"],
                    "title": "Drifting mines keep insurers wary of Black Sea projects",
                    "container": "Pontic Business Review",
                    "issued": "2024-10-21",
                    "url": "https://example.com/pbr/2024/10/21/mines-insurers",
                    "accessed": "2025-02-15",
                },
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Regional Grid Planning Group"],
                    "title": "Transmission Needs for Coastal Renewables",
                    "publisher": "Regional Grid Planning Group",
                    "issued": "2024-09-30",
                    "url": "https://example.net/rgpg/coastal-renewables",
                    "accessed": "2025-02-20",
                },
                "locator": "33",
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Regional Grid Planning Group"],
                    "title": "Transmission Needs for Coastal Renewables",
                    "publisher": "Regional Grid Planning Group",
                    "issued": "2024-09-30",
                    "url": "https://example.net/rgpg/coastal-renewables",
                    "accessed": "2025-02-20",
                },
                "locator": "41",
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "cyber-threats-to-regional-power-grids-2023",
        "series": "bulletin",
        "date": "2023-10-30",
        "topics": ["technology-cyber", "energy-security"],
        "regions": ["south-caucasus", "black-sea"],
        "authors": [("thomas-whitfield", "author")],
        "tags": ["cybersecurity", "power-grids", "critical-infrastructure"],
        "status": "live",
        "en": {
            "title": "Cyber Threats to Regional Power Grids: A 2023 Overview",
            "summary": "Publicly reported cyber incidents against energy companies around the Black Sea and in the South Caucasus mostly hit office systems, not grid controls. Under-reporting and growing interconnection mean operators should not be complacent.",
            "body": [
                (
                    "paragraph",
                    "<p>Electricity networks around the Black Sea and in the South Caucasus have become more digital and more interconnected over the past decade. This has improved efficiency, but it has also widened the surface exposed to cyber attack. This bulletin summarises incidents publicly reported in the first nine months of 2023 and outlines priorities for grid operators and regulators. It draws on a register of open-source reports compiled by a regional network of computer emergency response teams.{{note:1}}</p>",
                ),
                ("heading", "What was reported"),
                (
                    "table",
                    {
                        "caption": "Publicly reported cyber incidents affecting energy companies in the region, January–September 2023",
                        "rows": [
                            ["Type of incident", "Number reported", "Typical impact"],
                            ["Phishing and credential theft", "14", "Access to office networks"],
                            ["Distributed denial of service", "9", "Websites unavailable"],
                            ["Ransomware", "5", "Billing and customer services disrupted"],
                            ["Attacks on operational systems", "1", "Brief local outage"],
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p>These figures almost certainly understate the real number of incidents, since companies are rarely obliged to disclose them.{{note:2}} Several incidents became known only through customer complaints or posts on social media rather than official statements. Most reported cases affected business IT systems rather than the operational technology that controls power flows. Only one case led to a brief local outage, and even there the cause remains disputed.{{note:3}}</p>",
                ),
                ("heading", "Why interconnection raises the stakes"),
                (
                    "paragraph",
                    "<p>The region's grids are increasingly linked across borders, and new transmission links around the Black Sea are being planned. Interconnection improves security of supply, but it also means that a successful attack on one operator can have effects beyond national borders.{{note:1}} Smaller distribution companies, which often lack dedicated security teams, may become the weakest link in an otherwise well-protected system. Cross-border synchronisation also requires operators to trust each other's security standards, which are not yet harmonised.</p>",
                ),
                ("heading", "Priorities for operators"),
                (
                    "paragraph",
                    "<p>Grid operators in the region face similar challenges: ageing control systems, a shortage of security staff and limited budgets. Priorities include:</p><ul><li>separating operational networks from office IT, which many older substations still fail to do;</li><li>regular exercises that simulate an attack during peak demand;{{note:4}}</li><li>sharing threat information with neighbouring operators, especially where grids are synchronised across borders.</li></ul><p>Regulators can help by introducing mandatory, confidential incident reporting, which would give a more accurate picture of the threat without exposing companies to reputational damage.{{note:2}} None of these steps is expensive compared with the cost of a prolonged outage in winter.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Energy CERT Network"],
                    "title": "Incident Register: Energy Sector, 2023",
                    "url": "https://example.org/eecn/incident-register-2023",
                    "accessed": "2023-10-20",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Bondar, Kateryna", "Okafor, Samuel"],
                    "title": "Under-Reporting of Cyber Incidents in Critical Infrastructure",
                    "container": "Example Cyber Policy Journal",
                    "issued": "2022",
                    "volume": "4",
                    "issue": "1",
                    "pages": "55–79",
                    "doi": "10.5555/ecpj.2022.041",
                },
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Lomidze, Giorgi"],
                    "title": "Operator denies cyber link to brief regional blackout",
                    "container": "Caucasus Energy Courier",
                    "issued": "2023-06-09",
                    "url": "https://example.com/cec/2023/06/09/blackout-denial",
                    "accessed": "2023-10-22",
                },
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Example Grid Resilience Institute"],
                    "title": "Exercising for Failure: Scenario Planning in Power Systems",
                    "publisher": "Example Grid Resilience Institute",
                    "issued": "2021-05-17",
                    "url": "https://example.net/egri/exercising-for-failure",
                    "accessed": "2023-10-25",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "asia-pacific-lng-contracts-and-turkish-buyers",
        "series": "analysis",
        "date": "2025-06-18",
        "topics": ["energy-security"],
        "regions": ["asia-pacific"],
        "authors": [("ayse-demirtas", "author"), ("leyla-hasanova", "co-author")],
        "tags": ["lng", "contracts", "gas-markets"],
        "status": "draft",
        "en": {
            "title": "Asia-Pacific LNG Contracting Trends and What They Mean for Turkish Buyers",
            "summary": "Asian buyers have returned to long-term LNG contracts with more flexible terms and hybrid price formulas. Turkish importers can borrow several of these practices as their own supply contracts come up for renewal.",
            "body": [
                (
                    "paragraph",
                    "<p>Buyers in Japan, South Korea and other Asia-Pacific markets have shaped the global trade in liquefied natural gas for decades. Their contracting choices, from contract length to price indexation and destination flexibility, influence the terms available to newer importers, including Türkiye.{{note:1}} This analysis reviews recent trends in Asian contracting and asks what Turkish buyers can learn from them.</p>",
                ),
                ("heading", "Longer contracts return"),
                (
                    "paragraph",
                    "<p>After several years in which short-term and spot purchases grew rapidly, the price spikes of 2022 pushed many Asian buyers back towards long-term contracts. Agreements lasting fifteen to twenty years became common again, often with greater flexibility on destination than older contracts allowed.{{note:2}} For buyers, the attraction was simple: a long-term contract offers protection against the kind of spot-price surge that forced some utilities to ration gas or switch to more polluting fuels.</p>",
                ),
                ("heading", "Indexation and flexibility"),
                (
                    "paragraph",
                    "<p>Asian buyers have also diversified price formulas, combining oil-linked pricing with indexation to regional or international gas hubs. This spreads risk, but it makes contracts more complex to manage and requires skilled trading teams.{{note:3}} Turkish buyers, which already hold a diverse portfolio of pipeline and LNG supply, could benefit from similar hybrid arrangements, particularly as existing pipeline contracts come up for renewal.</p>",
                ),
                (
                    "paragraph",
                    "<p>Turkish importers differ from their Asian counterparts in one important respect: they can still draw on pipeline supply from several directions. This gives them a stronger fallback position in negotiations, but it also means that LNG demand in Türkiye fluctuates more from year to year, a risk that sellers price into long-term offers.{{note:3}}</p>",
                ),
                ("heading", "Lessons for Türkiye"),
                (
                    "paragraph",
                    "<p>Three lessons stand out:</p><ol><li>flexibility clauses are worth paying for in volatile markets;</li><li>joint purchasing with other buyers can improve bargaining power, as several Asian utilities have shown;</li><li>storage and regasification capacity determine how much of that flexibility can actually be used.{{note:1}}</li></ol><p>Editorial note: figures on contracted volumes will be added once the data review is complete.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Asia Gas Contracts Review"],
                    "title": "LNG Contracting Trends, 2020–2024",
                    "publisher": "Asia Gas Contracts Review",
                    "issued": "2025-01-15",
                    "url": "https://example.org/agcr/trends-2020-2024",
                    "accessed": "2025-06-01",
                },
                "locator": "18",
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Morita, Kenji"],
                    "title": "Asian utilities return to long-term LNG deals",
                    "container": "Pacific Energy Dispatch",
                    "issued": "2024-08-27",
                    "url": "https://example.com/ped/2024/08/27/long-term-lng",
                    "accessed": "2025-05-30",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Lee, Soo-jin"],
                    "title": "Hybrid Price Indexation in LNG Contracts",
                    "container": "Example Energy Economics Letters",
                    "issued": "2024",
                    "volume": "19",
                    "issue": "2",
                    "pages": "66–81",
                    "doi": "10.5555/eeel.2024.192",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "reception-centres-and-island-communities",
        "series": "commentary",
        "date": "2022-05-19",
        "topics": ["migration"],
        "regions": ["eastern-mediterranean"],
        "authors": [("irina-volkova", "author")],
        "tags": ["asylum", "reception", "islands"],
        "status": "private",
        "en": {
            "title": "Reception Centres and Island Communities in the Eastern Mediterranean",
            "summary": "Prepared for a closed briefing, this commentary examines how maritime patrols, reception conditions and island economies interact, and proposes practical points for discussion.",
            "body": [
                (
                    "paragraph",
                    "<p>Islands close to the coast of Türkiye have become focal points for sea arrivals to Europe, and the reception centres built on them have become focal points for political controversy. This commentary, prepared for a closed briefing, looks at how maritime patrols, reception conditions and island economies interact, and suggests points for discussion among practitioners from both sides of the sea.{{note:1}}</p>",
                ),
                ("heading", "Patrols and arrivals"),
                (
                    "paragraph",
                    "<p>Increased maritime patrols have reduced the number of recorded crossings on some routes, but they have also pushed smugglers towards longer and more dangerous journeys, including direct voyages towards Italy.{{note:2}} Weather also plays a role, with crossings concentrated in the calmer months. Coast guards on both sides continue to carry out rescues, yet coordination between them remains limited and frequently depends on informal contacts between individual officers. When these contacts break down, response times grow and the risk of loss of life rises.</p>",
                ),
                ("heading", "Reception and island economies"),
                (
                    "paragraph",
                    "<p>Large closed facilities on small islands create tensions with local communities, especially where tourism is the main source of income. On several islands, local businesses report that visitor numbers fell in years when conditions at the centres attracted international media attention. Residents often feel that decisions are taken far away and that their concerns are heard only when tensions boil over. Smaller, open centres integrated into mainland asylum systems have generally produced fewer conflicts and faster processing of claims.{{note:3}}</p>",
                ),
                ("heading", "Points for discussion"),
                (
                    "paragraph",
                    "<p>Participants may wish to consider the following:</p><ul><li>a standing communication channel between coast guard commands, tested at regular intervals;</li><li>the transfer of asylum processing from islands to the mainland within a fixed period after arrival;{{note:4}}</li><li>a compensation fund for island municipalities that host reception facilities, financed jointly from national and European budgets.</li></ul><p>None of these proposals resolves the broader political disagreements over migration, but each could reduce risks at sea and on shore. Practitioners on both sides have an interest in keeping these channels open even when political relations are strained.</p>",
                ),
            ],
        },
        "notes": [
            {
                "comment": "<p>The briefing was held under a non-attribution rule. Participants included coast guard officers, municipal representatives and researchers from several countries.</p>",
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Mediterranean Migration Data Project"],
                    "title": "Sea Crossings in the Eastern Mediterranean: Quarterly Update, Q1 2022",
                    "publisher": "Mediterranean Migration Data Project",
                    "issued": "2022-04-28",
                    "url": "https://example.org/mmdp/q1-2022",
                    "accessed": "2022-05-10",
                },
                "locator": "3",
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Georgiou, Eleni", "Tan, Burak"],
                    "title": "Closed or Open? Reception Models and Local Conflict on European Islands",
                    "container": "Example Journal of Refugee Studies",
                    "issued": "2021",
                    "volume": "15",
                    "issue": "4",
                    "pages": "512–535",
                    "doi": "10.5555/ejrs.2021.154",
                },
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Asylum Law Network"],
                    "title": "Border Procedures and Time Limits: A Comparative Note",
                    "issued": "2022-01-19",
                    "url": "https://example.net/ealn/border-procedures",
                    "accessed": "2022-05-12",
                },
            },
        ],
    },
    # -----------------------------------------------------------------------
    {
        "slug": "interview-central-asian-labour-migration-remittances",
        "series": "interview",
        "date": "2022-03-28",
        "topics": ["migration"],
        "regions": ["central-asia"],
        "authors": [("daniyar-seitkaliyev", "author")],
        "tags": ["labour-migration", "remittances"],
        "status": "live",
        "en": {
            "title": "“Remittances Are a Lifeline, Not a Strategy”: An Interview on Labour Migration from Central Asia",
            "summary": "An economist explains why currency turbulence hits migrant households immediately, and what governments can do to make remittances go further and labour migration less dependent on a single destination.",
            "body": [
                (
                    "paragraph",
                    "<p>Millions of workers from Central Asia earn their living abroad, and the money they send home makes up a large share of national income in several countries of the region.{{note:1}} Daniyar Seitkaliyev talked to economist Dr. Bakhyt Omarova about how the currency turbulence of recent weeks affects migrant families and what governments can do about it.</p>",
                ),
                ("heading", "Exposure to shocks"),
                (
                    "paragraph",
                    "<p><b>How vulnerable are migrant households to the current currency turbulence?</b></p><p>Very vulnerable. Most migrants are paid in the currency of the host country, so when it loses value, the amount their families receive at home falls immediately, even if wages stay the same.{{note:2}} Households that depend on remittances for food and rent have little room to absorb such a loss, and many have already cut spending on health care and school supplies. Some families have started asking relatives to send money more often but in smaller amounts, to spread the exchange-rate risk.</p>",
                ),
                (
                    "quote",
                    (
                        "Remittances have kept many families out of poverty, but a country cannot build its future on the assumption that a large share of its workers will always be abroad.",
                        "Dr. Bakhyt Omarova",
                    ),
                ),
                ("heading", "Beyond consumption"),
                (
                    "paragraph",
                    "<p><b>Can remittances be channelled into investment?</b></p><p>Partly. Studies show that most remittances are spent on consumption, housing and education, which is natural and not wasteful.{{note:3}} Governments can encourage saving and small-business investment by lowering transfer fees and offering simple savings products, but they should not try to force it.{{note:4}} Where collective investment funds have been tried, they worked best when migrants themselves chose the projects, such as repairing a school or a village water supply.</p>",
                ),
                ("heading", "Diversifying destinations"),
                (
                    "paragraph",
                    "<p><b>Should governments encourage migration to new destinations?</b></p><p>Diversification reduces dependence on a single labour market. Agreements with countries in the Gulf, East Asia and Europe are growing, although they still cover relatively few workers and often require language and vocational training before departure.{{note:5}} Those programmes deserve more investment, because they also raise the skills that workers bring back home.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>What is the single most useful thing governments could do this year?</b></p><p>Make transfers cheaper. Every percentage point saved on fees goes straight to families, and it costs the state very little.{{note:4}} Digital transfer services are already cutting costs, but many rural families still depend on cash agents.</p>",
                ),
            ],
        },
        "notes": [
            {
                "source": {
                    "type": "report",
                    "authors": ["Example Remittance Observatory"],
                    "title": "Remittance Flows to Central Asia: 2021 Review",
                    "publisher": "Example Remittance Observatory",
                    "issued": "2022-02-15",
                    "url": "https://example.org/ero/central-asia-2021",
                    "accessed": "2022-03-20",
                },
                "locator": "6",
            },
            {
                "source": {
                    "type": "news-article",
                    "authors": ["Akhmetov, Timur"],
                    "title": "Migrant families feel the squeeze as host-country currency slides",
                    "container": "Central Asia Business Bulletin",
                    "issued": "2022-03-10",
                    "url": "https://example.com/cabb/2022/03/10/remittance-squeeze",
                    "accessed": "2022-03-21",
                },
            },
            {
                "source": {
                    "type": "journal-article",
                    "authors": ["Rakhimova, Dilnoza", "Sandberg, Erik"],
                    "title": "How Migrant Households Spend Remittances: Evidence from Panel Surveys",
                    "container": "Example Journal of Eurasian Economics",
                    "issued": "2020",
                    "volume": "8",
                    "issue": "2",
                    "pages": "133–158",
                    "doi": "10.5555/ejee.2020.082",
                },
            },
            {
                "source": {
                    "type": "web-page",
                    "authors": ["Example Payments Watch"],
                    "title": "Cost of Sending Money: Corridor Comparison",
                    "url": "https://example.net/epw/corridor-comparison",
                    "accessed": "2022-03-22",
                },
            },
            {
                "source": {
                    "type": "report",
                    "authors": ["Example Labour Mobility Centre"],
                    "title": "Bilateral Labour Agreements in Central Asia: An Overview",
                    "publisher": "Example Labour Mobility Centre",
                    "issued": "2021-11-08",
                    "url": "https://example.org/elmc/bilateral-agreements",
                    "accessed": "2022-03-18",
                },
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Arabic (right-to-left): labels, people and two analyses
# ---------------------------------------------------------------------------
# Kept together so the right-to-left demo reads as one piece; merged into the rows
# above below. Written for this demo, like everything else in the module.

_ARABIC_LABELS = {
    # series
    "analysis": "تحليل",
    "commentary": "تعليق",
    "bulletin": "نشرة",
    "interview": "مقابلة",
    "report": "تقرير",
    # topics
    "energy-security": "أمن الطاقة",
    "maritime-security": "الأمن البحري",
    "trade-connectivity": "التجارة والترابط",
    "climate-policy": "السياسة المناخية",
    "migration": "الهجرة",
    "technology-cyber": "التكنولوجيا والفضاء السيبراني",
    # regions
    "black-sea": "البحر الأسود",
    "central-asia": "آسيا الوسطى",
    "south-caucasus": "جنوب القوقاز",
    "eastern-mediterranean": "شرق المتوسط",
    "asia-pacific": "آسيا والمحيط الهادئ",
    "middle-east": "الشرق الأوسط",
}

_ARABIC_PEOPLE = {
    "ayse-demirtas": {
        "display_name": "عائشة دميرطاش",
        "position": "مساعدة بحث، برنامج آسيا والمحيط الهادئ",
        "short_bio": (
            "عائشة دميرطاش مساعدة بحث في برنامج آسيا والمحيط الهادئ في المركز، تتابع "
            "روابط التجارة والتكنولوجيا والطاقة بين شرق آسيا وتركيا. تحمل درجة الماجستير "
            "في العلاقات الدولية، وعملت سابقًا متدرّبة بحثية في مؤسسة للسياسات العامة في "
            "سيول. يتركز عملها الحالي على سلاسل توريد أشباه الموصلات وأسواق الغاز الطبيعي "
            "المسال."
        ),
    },
    "leyla-hasanova": {
        "display_name": "ليلى حسنوفا",
        "position": "زميلة أولى، أمن الطاقة",
        "short_bio": (
            "ليلى حسنوفا زميلة أولى في المركز، تقود أبحاثه حول أمن الطاقة في حوض بحر قزوين "
            "والبحر الأسود وشرق المتوسط. قبل انضمامها إلى المركز أمضت ثماني سنوات محلّلةً "
            "في قطاع الطاقة في باكو. تكتب عن أسواق الغاز وسياسات خطوط الأنابيب والتحول "
            "الطاقي في الدول المنتجة."
        ),
    },
    # Only a Turkish biography on purpose (the fallback demo): name and position only.
    "daniyar-seitkaliyev": {
        "display_name": "دانيار سيتكالييف",
        "position": "منسّق برنامج آسيا الوسطى",
    },
    "irina-volkova": {
        "display_name": "إيرينا فولكوفا",
        "position": "زميلة باحثة في الأمن البحري",
    },
    "thomas-whitfield": {
        "display_name": "توماس ويتفيلد",
        "position": "زميل زائر، سياسات التكنولوجيا والفضاء السيبراني",
    },
}

_ARABIC_ANALYSES = {
    "middle-corridor-bottlenecks-and-fixes": {
        # Latin inside Arabic on purpose: the route's acronym exercises bidi isolation.
        "slug": "الممر-الأوسط-الاختناقات-والحلول",
        "title": "الممر الأوسط (TITR): الاختناقات وأوقات الانتظار على الحدود وحلول عملية",
        "summary": "ازدادت حركة الشحن على الطريق العابر لبحر قزوين منذ عام 2022، لكن معظم زمن العبور لا يزال يضيع في الانتظار في الموانئ ومحطات العبّارات والمعابر الحدودية. يحدد هذا التقرير أبرز الاختناقات ويقترح تدابير منخفضة الكلفة يمكن للحكومات اعتمادها قبل إنشاء بنية تحتية جديدة.",
        "status": "live",
        "body": [
            (
                "paragraph",
                "<p>منذ عام 2022 اتجه وكلاء الشحن الباحثون عن بدائل للطرق البرية الشمالية بين الصين وأوروبا إلى طريق النقل الدولي العابر لبحر قزوين، المعروف على نطاق واسع باسم الممر الأوسط. وقد تضاعفت أحجام الحاويات على هذا الطريق عدة مرات في عام واحد، وإن كان ذلك انطلاقًا من مستوى منخفض جدًا.{{note:1}} يبحث هذا التقرير في أسباب تحوّل هذا النمو حتى الآن إلى ازدحام بدلًا من شريان تجاري جديد ومستقر، وفيما يمكن لحكومات الدول الواقعة على الطريق أن تفعله بصورة واقعية.</p>",
            ),
            ("heading", "أين يضيع الوقت"),
            (
                "paragraph",
                "<p>تغيّر الحاوية المتجهة من غرب الصين إلى ساحل جورجيا على البحر الأسود وسيلةَ النقل مرتين على الأقل، وتعبر ثلاث حدود على الأقل. وقد وجد استطلاعنا لوكلاء الشحن أن أقل من ثلث زمن العبور الإجمالي يُقضى في الحركة الفعلية، أما الباقي فيُهدر في الانتظار في الموانئ ومحطات العبّارات ونقاط الجمارك.{{note:2}} ويُعدّ عبور بحر قزوين أقل المراحل قابلية للتنبؤ، لأن أسطول العبّارات صغير والرحلات كثيرًا ما تُلغى بسبب سوء الأحوال الجوية.{{note:3}}</p>",
            ),
            (
                "table",
                {
                    "caption": "متوسط زمن الانتظار حسب المرحلة، الشحنات المشمولة بالاستطلاع، 2022",
                    "rows": [
                        ["المرحلة", "متوسط زمن الانتظار (أيام)", "السبب الرئيسي"],
                        ["الحدود الصينية الكازاخستانية", "2.5", "تغيير عرض السكة والتفتيش"],
                        ["ميناء المغادرة على بحر قزوين", "6.0", "توفّر العبّارات"],
                        ["ميناء الوصول على بحر قزوين", "3.5", "ازدحام الأرصفة"],
                        ["السكك الحديدية والموانئ الجورجية", "4.0", "نقص العربات"],
                    ],
                },
            ),
            ("heading", "حلول ناعمة قبل البنية التحتية الصلبة"),
            (
                "paragraph",
                "<p>يتركز جزء كبير من النقاش العام على مشاريع كبرى مثل الموانئ الجديدة والعبّارات الإضافية. هذه المشاريع ضرورية، لكن إنجازها يستغرق سنوات. وفي الأثناء يمكن لمجموعة من التدابير <i>الناعمة</i> أن تختصر أزمنة العبور بدرجة كبيرة:</p><ul><li>بيان عبور إلكتروني موحّد تعترف به جميع الدول الواقعة على الطريق؛{{note:4}}</li><li>نظام رقمي مشترك لحجز الأماكن على العبّارات، حتى لا تصل القطارات إلى الموانئ دون رحلة مؤكدة؛</li><li>رقابة حدودية مشتركة في أكثر المعابر ازدحامًا.</li></ul>",
            ),
            (
                "quote",
                (
                    "يتسامح الشاحنون مع الطريق البطيء. أما ما لا يغفرونه فهو طريق لا يستطيع فيه أحد أن يخبرهم متى ستصل البضاعة.",
                    "وكيل شحن مقيم في ألماتي (Almaty)، من ردود الاستطلاع",
                ),
            ),
            ("heading", "التوصيات"),
            (
                "paragraph",
                "<p>نوصي الحكومات المعنية بنشر إحصاءات عبور شهرية لكل مرحلة، والاتفاق على هدف مشترك للحد الأقصى لزمن الانتظار في محطات العبّارات، وربط جزء من أي تمويل دولي للبنية التحتية الجديدة بالتقدم المحرز في هذه التدابير الناعمة.{{note:5}} كما أن نشر البيانات سيساعد المستثمرين من القطاع الخاص على تحديد التحسينات التي تحقق أعلى عائد. فطرق التجارة تكسب عملاء أوفياء بالموثوقية لا بالإعلانات، وستتوقف آفاق الممر الأوسط على المدى البعيد على ما إذا كان العامان المقبلان سيحملان مكاسب ملموسة في القدرة على التنبؤ.</p>",
            ),
        ],
        # Notes keep their sources (cited as published); what the centre wrote is Arabic.
        "note_comments": {
            2: "<p>شمل الاستطلاع 46 شركة شحن في كازاخستان وأذربيجان وجورجيا وتركيا، وأُجري بين تشرين الثاني/نوفمبر 2022 وكانون الثاني/يناير 2023. تشير الأرقام إلى الشحنات التي أبلغ عنها المشاركون، ولا تمثّل كل حركة النقل على الطريق.</p>",
        },
    },
    "climate-adaptation-finance-central-asia-water": {
        "slug": "تمويل-التكيف-المياه-آسيا-الوسطى",
        "title": "ثمن التكيّف: المياه والمناخ والتمويل في آسيا الوسطى",
        "summary": "يقلّل تغيّر المناخ بالفعل من موثوقية مياه الري في أنحاء آسيا الوسطى، في حين لا يغطي تمويل التكيّف سوى جزء صغير من الاحتياجات. وتمثّل مشاريع كفاءة استخدام المياه المدخل الأكثر واقعية لجذب تمويل أوسع نطاقًا.",
        "status": "live",
        "body": [
            (
                "paragraph",
                "<p>ترتفع حرارة آسيا الوسطى بوتيرة أسرع من المتوسط العالمي، وتفقد الأنهار الجليدية التي تغذي أنهار المنطقة الكبرى من كتلتها.{{note:1}} وبالنسبة إلى المزارعين في المجاري الدنيا لهذه الأنهار، فإن تغيّر المناخ ليس توقعًا نظريًا، بل مسألة ما إذا كانت مياه الري ستصل في تموز/يوليو وآب/أغسطس، حين تكون المحاصيل في أمسّ الحاجة إليها. ولأن الزراعة لا تزال تشغّل نسبة كبيرة من القوى العاملة، فإن التغيرات في توافر المياه سرعان ما تتحول إلى قضايا دخل وأسعار غذاء واستقرار في الريف.</p>",
            ),
            ("heading", "فجوة التكيّف"),
            (
                "paragraph",
                "<p>اعتمدت حكومات المنطقة خططًا وطنية للتكيّف، غير أن التمويل المتاح لتنفيذها لا يغطي إلا جزءًا صغيرًا من الاحتياجات المقدّرة. وقد قدّر تقييم حديث الفجوة السنوية بعدة مليارات من الدولارات الأمريكية لدول آسيا الوسطى الخمس مجتمعة.{{note:2}} ومعظم المشاريع القائمة صغيرة يموّلها مانحون وتقتصر على مناطق منفردة، مما يصعّب توسيع نطاق المقاربات الناجحة. ويعني هذا التشتت أيضًا أن الدروس المستفادة في منطقة ما نادرًا ما تنتقل إلى المنطقة المجاورة، وأن الأجهزة الحكومية تنفق جزءًا كبيرًا من قدراتها المحدودة على تلبية متطلبات الإبلاغ لعشرات المانحين.</p>",
            ),
            ("heading", "لماذا تكون المياه نقطة البداية"),
            (
                "paragraph",
                "<p>يؤتي الاستثمار في كفاءة استخدام المياه ثماره أيًّا كان السيناريو المناخي الذي يتحقق. فتبطين قنوات الري وتحديث محطات الضخ وتركيب العدادات يمكن أن تقلّل الفاقد بدرجة كبيرة؛ ففي بعض الشبكات القديمة لا يصل أكثر من نصف المياه المحوّلة من الأنهار إلى الحقول أبدًا.{{note:3}} وتحقق هذه المشاريع أيضًا وفورات يمكن استخدامها لسداد القروض، مما يجعلها جذابة لبنوك التنمية. وعلى خلاف السدود الكبيرة، نادرًا ما تثير خلافات بين الدول المتجاورة.</p>",
            ),
            (
                "quote",
                (
                    "كنا نختلف على طريقة تقاسم النهر. أما الآن فعلينا أيضًا أن نخطط للسنوات التي سيقلّ فيها ما نتقاسمه.",
                    "رئيس إحدى جمعيات مستخدمي المياه، جنوب كازاخستان",
                ),
            ),
            ("heading", "كيف يصبح التمويل فعّالًا"),
            (
                "paragraph",
                "<p>لجذب حجم أكبر من التمويل، يمكن لحكومات المنطقة:</p><ul><li>تجميع المشاريع الصغيرة في برامج إقليمية تستوفي الحد الأدنى للحجم الذي تفضّله الصناديق الدولية؛</li><li>نشر بيانات استخدام المياه على مستوى الأحواض، وهي بيانات يحتاجها المقرضون لتقييم المخاطر؛{{note:4}}</li><li>تخصيص جزء من الوفورات المحققة بفضل الكفاءة لتعويض دول المنبع عن تخزين المياه حتى الصيف.</li></ul><p>كثيرًا ما كان التعاون العابر للحدود في مجال المياه صعبًا، لكن تمويل التكيّف يتيح فرصة نادرة للتوفيق بين المصالح الوطنية والإقليمية.{{note:2}}</p>",
            ),
        ],
        "note_comments": {
            2: "<p>يستثني التقدير الاستثمار في الطاقة الكهرومائية، ولا يشمل إلا تدابير التكيّف في الزراعة وإمدادات المياه والحد من مخاطر الكوارث.</p>",
        },
    },
}

for _row in SERIES + TOPICS + REGIONS:
    _row["name"]["ar"] = _ARABIC_LABELS[_row["slug"]]
for _row in AUTHORS:
    for _field, _value in _ARABIC_PEOPLE[_row["slug"]].items():
        _row.setdefault(_field, {})["ar"] = _value
for _row in ANALYSES:
    if _row["slug"] in _ARABIC_ANALYSES:
        _row["ar"] = _ARABIC_ANALYSES[_row["slug"]]
