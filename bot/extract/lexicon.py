"""Word lists the extractor reads: cue verbs, titles, organisation and source words.

Kept apart from the logic so that the rules read as rules and the lists can grow without
touching them.
"""

from __future__ import annotations

import re

#: Past-tense speech verbs.
SPEECH_PAST: list[str] = """
interjected whispered answered retorted snapped recounted texted emailed scoffed chided
cracked marveled marvelled laughed sighed gushed bragged griped fumed thundered barked
muttered mumbled murmured pleaded begged cried screamed chanted opined chimed explained
elaborated summed summarized summarised echoed advised predicted lamented
said told added wrote asked noted explained argued warned claimed insisted stated declared
acknowledged admitted denied conceded contended maintained predicted promised vowed tweeted
posted responded replied continued recalled countered complained boasted alleged confirmed
revealed emphasized emphasised stressed observed concluded suggested announced reported
testified joked quipped shouted yelled exclaimed cautioned wondered mused lamented remarked
reiterated agreed urged demanded proclaimed assured repeated charged explained
implored exhorted raged seethed exulted roared hollered blurted hissed sneered ventured
surmised messaged read commented asserted confided clarified speculated protested
objected volunteered disclosed reasoned boomed teased inquired queried demurred confessed
captioned
""".split()  # noqa: SIM905

#: Present-tense and bare speech verbs.
SPEECH_PRESENT: list[str] = """
says tells adds writes asks notes explains argues warns claims insists states declares
acknowledges admits denies concedes contends maintains predicts promises vows tweets posts
responds replies continues recalls counters complains boasts alleges confirms reveals
emphasizes stresses observes concludes suggests announces reports agrees urges say tell
argue warn claim insist agree note predict contend maintain suggest ask write add
implores fumes exclaims quips jokes laughs shouts recounts muses sighs jokes reads
asserts confides clarifies speculates discloses teases inquires confesses
deny admit acknowledge concede confirm reveal announce promise vow explain stress emphasize
complain allege declare recall respond reply counter urge demand caution testify
""".split()  # noqa: SIM905

#: Verbs of belief and finding used for paraphrase.
BELIEF: list[str] = """
believes believed believe thinks thought think feel feels felt hope hopes hoped fear fears
feared expect expects expected estimate estimates estimated found find finds show shows
showed shown indicated indicates indicate know knew knows worry worries worried
called calls described describes accused accuses criticized criticised criticizes praised
praises defended defends endorsed endorses supported supports proposed proposes rejected
rejects dismissed dismisses cited cites refused refuses wants want plans sought seeks
pledged questioned blamed blames slammed attacked attacks mocked demanded decided opposed
opposes opposing favored favors backed backs welcomed condemned condemns denounced
threatened recommended questioned touted touts highlighted highlights lauded blasted
pledge pledges describe accuse criticize criticise defend endorse propose reject dismiss cite
slam oppose welcome condemn denounce threaten recommend tout highlight
""".split()  # noqa: SIM905

#: Participles that attach a paraphrase: ', saying …'.
PARTICIPLES_LIST: list[str] = """
saying adding noting arguing asking telling warning explaining claiming insisting stating
declaring acknowledging admitting denying conceding writing tweeting suggesting recalling
predicting promising vowing urging complaining answering replying responding calling
accusing describing criticizing criticising blasting citing
""".split()  # noqa: SIM905

#: Verbs of telling that take their audience as object.
TELL: list[str] = """
told tells tell telling asked asks ask asking informed informs assured assures reminded
reminds warned warns urged urges
""".split()  # noqa: SIM905

#: Bare pronouns (a speaker that needs resolving).
PRONOUNS = frozenset(
    """
he her him i it me she them they us we who you
""".split()  # noqa: SIM905
)
#: Pronouns that stand as the subject of a speech verb ('he said', 'it said').
SUBJECT_PRONOUNS = frozenset("he she they we i it".split())  # noqa: SIM905

#: Words that make a capitalised run a title or role.
TITLES = frozenset(
    """
adviser advisor agent aide ambassador analyst anchor assistant attorney campaign candidate
capt ceo chair chairman chairwoman chancellor chief col commissioner congressman congresswoman democrat
democratic deputy director dr emperor executive former founder gen general gop gov governor
host house judge justice king lawyer leader lt majority manager mayor minister minority miss
mr mrs ms nominee officer pastor pollster pope president presidential press prime prince
prof professor queen rep representative republican rev secretary sen senate senator sgt
sheriff speaker spokesman spokesperson spokeswoman state strategist u.s us vice whip white
councillor councilor councilman councilwoman alderman mp mep msp lord lady sir dame baroness
baron archbishop bishop cardinal inspector detective constable superintendent commander admiral
colonel sergeant lieutenant captain coach labour tory conservative liberal premier sheikh imam
rabbi reverend prosecutor striker midfielder defender goalkeeper headmaster headmistress
headteacher principal trooper patrolman firefighter class petty airman corporal major maj cpl
pvt brig det insp supt adm cmdr cdr amb msgr
assemblyman assemblywoman alderwoman treasurer comptroller auditor assessor coroner recorder
clerk
""".split()  # noqa: SIM905
)

#: Nouns for people besides the titles: what a story calls someone it has already named
#: ('the businessman'), and the role words that stand between a party or a title and a
#: name ('Republican presidential nominee Ann Holt', 'Band member Jo Lind').
PERSON_NOUNS = TITLES | frozenset(
    """businessman businesswoman nominee incumbent challenger lawmaker legislator
    congressman congresswoman billionaire developer actor actress singer rapper star player
    author writer historian economist scientist researcher physician activist pilot veteran
    owner chef comedian musician filmmaker director producer athlete driver teenager student
    democrat republican independent conservative liberal front-runner frontrunner hopeful
    entrepreneur member novelist poet painter sculptor photographer designer preacher
    champion swimmer skier golfer boxer cyclist skipper rookie artist correspondent reporter
    editor commentator contributor presenter""".split()  # noqa: SIM905
) - {"former", "state", "house", "white", "us", "u.s", "press", "campaign", "vice"}

#: Endings of trade nouns ('Stylist', 'Meteorologist', 'Technician'), so a role before a
#: name need not be in the list above; '-qvist', '-quist' end Nordic surnames instead.
_TRADE_ENDINGS = ("ist", "ician", "ologist")
_SURNAME_ENDINGS = ("qvist", "kvist", "quist", "vist")


def is_person_noun(low: str) -> bool:
    """A lower-case word for a person's role or trade: listed, or shaped like one."""
    return low in PERSON_NOUNS or (
        len(low) >= 7 and low.endswith(_TRADE_ENDINGS) and not low.endswith(_SURNAME_ENDINGS)
    )


#: Common Chinese and Korean family names, which come first in the name ('Li Haoran',
#: 'Kim Soo-ah'), so that a later 'Li said' is the person named so, not a surname key.
FAMILY_NAMES_FIRST = frozenset(
    """li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo
    zheng liang xie song tang han deng feng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang
    bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao qian dai
    kong geng chang kim park choi jung kang cho yoon jang lim oh seo shin kwon hwang ahn yoo
    hong jeon ko moon bae baek ban roh""".split()  # noqa: SIM905
)

#: Nationality nouns, which news uses like roles to refer back to someone it has named
#: ('"…," the Frenchman said', 'the Slovenian added'): descriptions, not names.
DEMONYMS = frozenset(
    """frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman
    welshman welshwoman dutchman dutchwoman briton brit scot spaniard dane swede finn pole
    turk greek swiss german american australian austrian italian brazilian argentine
    argentinian chilean colombian mexican canadian belgian portuguese russian ukrainian
    serbian croatian slovenian slovakian czech hungarian romanian bulgarian norwegian
    icelander japanese chinese korean indian pakistani afghan bangladeshi nigerian kenyan
    ethiopian ghanaian egyptian moroccan algerian tunisian iranian iraqi israeli palestinian
    syrian lebanese saudi jordanian jamaican cuban venezuelan peruvian uruguayan ecuadorian
    bolivian paraguayan filipino indonesian malaysian thai vietnamese zealander kiwi aussie
    cameroonian senegalese ivorian zimbabwean ugandan tanzanian""".split()  # noqa: SIM905
)

#: Words that make a capitalised run a place or an event, not a person: the last word
#: ('Okafor Square', 'Gulf War') or the first ('Port Tarn', 'San Diego', 'North Korea').
PLACE_HEADS = frozenset(
    """square plaza fort island islands river mount valley beach road boulevard bridge war
    race challenge province region desert peninsula strait gulf coast""".split()  # noqa: SIM905
)
PLACE_OPENERS = frozenset(
    "port fort san santa los las new north south east west upper lower".split()  # noqa: SIM905
)

#: Countries and regions news names as actors ('Israel considers …', 'China warned'):
#: never the person a 'he' or 'she' stands for. Not those that are common names as well
#: (Jordan, Georgia, Chad, Wales).
COUNTRIES = frozenset(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burundi
    cambodia cameroon canada chile china colombia congo croatia cuba cyprus czechia
    denmark ecuador egypt england eritrea estonia ethiopia europe finland france gaza
    germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan kazakhstan kenya kosovo kuwait kyrgyzstan laos
    latvia lebanon liberia libya lithuania luxembourg macedonia madagascar malawi malaysia
    mali malta mauritania mexico moldova mongolia montenegro morocco mozambique myanmar
    namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal
    serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan
    tajikistan tanzania thailand tibet tunisia turkey turkmenistan uganda ukraine uruguay
    uzbekistan venezuela vietnam yemen zambia zimbabwe africa asia crimea arabia""".split()  # noqa: SIM905
)

#: Words that make a phrase an organisation.
ORG_WORDS = frozenset(
    """
intelligence security affairs defense defence justice state treasury street avenue
clinic hospital school county city republic republicans democrats
abc administration agency army association authority bbc board bureau campaign cbs center
centre church cia club cnn coalition college commission committee company congress
corporation council court department embassy fbi foundation fox government group house inc
institute journal kremlin ministry msnbc navy nbc network news nsa office organisation
organization pac party pentagon police post press reuters senate service team times tribune
union university forces force guard corps bank fund federation league alliance parliament
assembly magazine media studios entertainment airlines airways brigade brigades cartel radio corp inc
llc ltd holdings convention herald gazette chronicle channel stadium cup championship
championships tournament festival awards museum theater theatre airport
ansar hezbollah hamas taliban al-qaeda al-qaida al-shabaab al-nusra al-sharia al-jazeera
al-aqsa al-ahram
""".split()  # noqa: SIM905
)

#: Words that make a phrase a document.
DOCUMENT_WORDS = frozenset(
    """
analysis assessment assessments complaint data document documents estimate estimates figures
filing filings findings indictment lawsuit letter memo numbers poll polls record records
release report ruling statement study survey website transcript transcripts excerpt excerpts
order orders verdict affidavit petition decree directive memorandum manifesto guidance
guidelines charter
""".split()  # noqa: SIM905
)

#: Bodies that news reports name without a determiner, as it does unnamed officials
#: ('…," police said.', 'local media reported'); other organisation words need one ('the
#: campaign said').
BARE_FORCES = frozenset({"police", "military", "troops", "media"})

#: Small words a title leaves in lower case ('Call of the Sea', 'Tarn vs Elm').
TITLE_SMALL_WORDS = frozenset("a an the of on in at to for and or by with from vs".split())  # noqa: SIM905


def is_title_case(tokens: list[str]) -> bool:
    """A title or a name: every word but the small ones capitalised (or a number)."""
    big = [t for t in tokens if t.lower().strip(",.:;!?") not in TITLE_SMALL_WORDS]
    return bool(big) and all(t[:1].isupper() or t[:1].isdigit() for t in big)


#: Words of unnamed sources.
ANON_WORDS = frozenset(
    """
adviser advisers advisors aide aides analyst analysts authorities critics diplomat diplomats economists expert
experts insider insiders investigators lawmakers members observers official officials
operative operatives people person prosecutors residents source sources spokesman
spokesperson spokeswoman staffer staffers supporters voters witnesses researchers scientists strategists
someone somebody
""".split()  # noqa: SIM905
) | frozenset(
    # the groups news reports as speakers without naming them ('engineers said', 'Local
    # farmers and shop owners say'): plural people nouns of trades, roles and communities
    """
academics activists administrators advocates agents allies ambassadors analysts attendees
attorneys auditors backers bankers bishops bosses campaigners candidates citizens clerics
coaches colleagues commanders commentators consumers councillors councilors customers delegates
demonstrators detectives directors doctors donors drivers educators employees employers
engineers executives families farmers fighters firefighters fishermen friends generals
historians homeowners inspectors investors journalists judges landlords lawyers leaders
legislators locals managers mayors medics migrants militants ministers monitors negotiators
neighbors neighbours nurses officers opponents organisers organizers owners paramedics parents
passengers patients physicians pilots players pollsters proponents protesters protestors
psychologists pundits rebels refugees regulators relatives reporters representatives
rescuers respondents retailers scholars senators shareholders shoppers skeptics sceptics
soldiers specialists students survivors teachers tenants traders travellers travelers troops
unionists users veterans victims villagers volunteers workers viewers fans listeners
readers spectators onlookers commuters mourners tourists visitors staff
""".split()  # noqa: SIM905
)

#: One person by kin or by relation ('A cousin of the skipper, who would not give a name,',
#: 'a neighbour'): a person, named or not, never a body's name however the sentence opens.
RELATION_WORDS = frozenset(
    """
aunt uncle mother father sister brother son daughter wife husband widow widower cousin
niece nephew grandmother grandfather grandson granddaughter friend neighbor neighbour
relative witness survivor passenger resident colleague
""".split()  # noqa: SIM905
)

#: Words that alone stand for an unnamed group of sources ('Some say', 'Others warn').
QUANTIFIERS = frozenset("some many others most few several both all".split())  # noqa: SIM905

#: Possessive determiners: the word after one is a noun ('their hopes', 'his claims').
POSSESSIVES = frozenset("his her their its my our your".split())  # noqa: SIM905

#: Words that open a question put to someone ('asked Ortiz if …', 'asked her why …').
QUESTION_WORDS = frozenset("if whether about why what how when where who".split())  # noqa: SIM905

#: Words that never start a person's name.
NOT_FIRST = frozenset(
    """
a after an and as at before but east for former her his if in it its last new next north of
on so south that the their these this those united west when while besides following
including despite during unlike like against among amid beyond without within toward towards
regarding concerning according about above across along behind beside between except inside
outside onto upon via through throughout until since dear thanks later earlier yesterday tonight
instead afterwards afterward meanwhile however then because by with from to neither either
nor
""".split()  # noqa: SIM905
)

#: Words that show a phrase is a clause, not a subject.
CLAUSE_WORDS = frozenset(
    """
although and are as be because been being but can cannot could did do does if is may might
must not or said says should so than that though to told was were when whether which while
will would
""".split()  # noqa: SIM905
)

#: Words that may start a subject noun phrase.
DETERMINERS = frozenset(
    """
a all an another both current each eight few five former four her his its many most my nine
no one other others our senior seven several six some ten the their three top two your
""".split()  # noqa: SIM905
)

#: Adjectives of nation, party or creed that stand before a name as part of a role.
NATIONALITIES = frozenset(
    """
american mexican russian ukrainian chinese japanese korean british english french german
italian spanish canadian israeli palestinian iranian iraqi syrian saudi turkish egyptian
indian pakistani afghan cuban european polish irish scottish dutch swedish australian
african asian arab muslim jewish catholic evangelical democratic republican libertarian
conservative liberal progressive independent brazilian venezuelan nigerian greek belgian
austrian swiss norwegian danish finnish hungarian czech romanian serbian croatian lebanese
jordanian qatari emirati yemeni libyan somali kenyan ethiopian vietnamese thai filipino
indonesian malaysian taiwanese hispanic latino latina californian texan floridian soviet
western eastern northern southern baltic kurdish belarusian georgian armenian nordic
""".split()  # noqa: SIM905
)
#: Words that cannot start a subject noun phrase of the 'spokesman Jeff Bechdel' kind.
PREPOSITIONS = frozenset(
    """at in on for from with by after before during when while as to of about over under
since until into onto upon through across against among between without within like except""".split()  # noqa: SIM905
)

#: Words that open a subordinate clause, never an apposition nor a main clause.
SUBORDINATORS = frozenset(
    "when while after before because although though since until unless if whereas".split()  # noqa: SIM905
)

#: First words that mark a phrase as an adverbial or a fragment, never a speaker.
NOT_SPEAKER_START = frozenset(
    """in on at with without perhaps therefore thus hence immediately whatever whoever there
here so however meanwhile moreover still yet now then when while if although though because
since after before as like unlike despite during even just only also indeed instead rather
maybe probably certainly clearly obviously nevertheless nonetheless once until unless whether
why how what where which into onto upon through across against among between about above
below beyond within toward towards per via amid by for from of to qlast editor’s editor's
contributing byline reporting editing alongside beside besides throughout wherever
whenever soon later eventually finally initially ultimately suddenly recently previously
currently today yesterday tomorrow tonight afterward afterwards likewise similarly otherwise
overall already again almost nearly often sometimes usually always never rarely apparently
fortunately unfortunately thankfully sadly luckily hopefully interestingly surprisingly
notably under having being appearing following bring save stop free keep vote join let
help end back nothing everything anything something""".split()  # noqa: SIM905
)


#: Capital letters that may start a name, for regexes (``re`` has no \p{Lu}): ASCII, Latin-1,
#: Latin Extended-A capitals and Cyrillic, so "Łukasz", "Öztürk" and "Зеленський" are names.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁЄІЇҐ"
#: Coordinating conjunctions: they may open a sentence or join a speaker phrase, and are
#: never a name.
COORDINATORS = frozenset({"and", "but", "or", "nor", "yet", "so"})
#: An Arabic article joined to a surname ('Adel al-Jubeir', 'el-Sisi'): part of the name,
#: and a lower-case word a name may start with.
NAME_ARTICLE = r"(?:al|el|ad|ash|as|az|ul)-"
ARTICLE_WORD = re.compile(NAME_ARTICLE + r"[" + UPPER + r"]")

#: Nouns ending in -ly, which adverb tests must not take for 'strongly'.
LY_NOUNS = frozenset(
    "tally family rally assembly ally supply monopoly anomaly bully reply homily italy july".split()  # noqa: SIM905
)

#: Irregular past tenses, which end a determiner subject like '-ed' verbs do ('The
#: candidate began by …', 'the actor held a fake audition').
IRREGULAR_PAST = frozenset(
    """began left sent held took made gave went came got put set ran won lost kept brought
    bought met led spent stood saw knew became chose drew fell flew grew hid hit hung lay lit
    meant paid rose sat shot sold sought spoke struck swore taught threw understood woke
    wore built caught dealt fought forgot heard laid let read rode shook slept stole swept
    thought felt told said wrote""".split()  # noqa: SIM905
)

#: Irregular past participles that open a participle's clause ('Known as …,', 'Born in …,').
IRREGULAR_PARTICIPLES = (
    "Known", "Born", "Seen", "Shown", "Taken", "Written", "Chosen", "Driven", "Beaten",
    "Hidden", "Drawn", "Grown", "Thrown", "Sworn", "Stolen", "Told", "Held", "Built", "Caught",
    "Brought", "Led", "Sent", "Kept",
)  # fmt: skip

#: Verbs that name rather than quote: the quote after them is a name or a label ('what she
#: called "our quarrel"', 'dubbed it "…"').
NAMING_VERBS = frozenset(
    """call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling
    labelling brand brands branded branding name names named naming term terms termed
    terming""".split()  # noqa: SIM905
)

#: Day and month names, for the patterns of time phrases (one list for every module).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
