"""Grammatical gender of a person, so that "she said" resolves to a woman mentioned earlier.

Evidence, strongest first: an honorific or gendered role word next to the name ("Mrs.",
"congresswoman"), then the given name from a short list of frequent given names, English
and (for news from elsewhere) European, Latin American, Arabic and South Asian ones. A name
the lists do not know has no gender and stays compatible with either pronoun; the list is
small on purpose (a few hundred names; the added ones are not given to both sexes: no
Jean, Nicola or Simone), because a wrong guess is worse than none. A larger name-gender
table (the MIT ``nomquamgender``) was weighed and left out: it needs numpy, pandas and 22 MB
of data.
"""

from __future__ import annotations

import functools
import re

MALE = "m"
FEMALE = "f"

_MALE_WORDS = frozenset(
    """mr mr. sir lord king prince duke father brother son husband uncle nephew congressman
    chairman spokesman businessman councilman assemblyman alderman anchorman sheik""".split()  # noqa: SIM905
)
_FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam madame lady dame queen princess duchess mother sister daughter
    wife aunt niece congresswoman chairwoman spokeswoman businesswoman councilwoman
    assemblywoman anchorwoman""".split()  # noqa: SIM905
)
_MALE_NAMES = frozenset(
    """aaron adam alan albert alex alexander andrew angus anthony antonio arnold barack barry ben
    benjamin bernard bernie bill billy bob bobby brad bradley brandon brian bruce carl carlos
    charles charlie chris christopher chuck clarence colin corey craig dan daniel darrell dave
    david dennis derek dick don donald doug douglas dwight ed eddie edward elijah eric ernest
    eugene frank fred gary gavin george gerald glenn gordon grant greg gregory harold harry
    henry howard hugh ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerry jesse
    jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keith
    ken kenneth kevin kurt larry lawrence lee leon lindsey louis luis luke marco mark martin
    matt matthew max michael mike mitch mitt nathan neil newt nicholas nick noah oliver omar
    oscar patrick paul pete peter phil philip rahm ralph rand randy ray raymond reince rex
    richard rick rob robert roger ron ronald roy rudy russell ryan sam samuel scott sean sergei
    seth shawn sherrod stephen steve steven stuart ted terry thomas tim timothy todd tom tommy
    tony travis trey vladimir walter wayne william willie xi
    abdul abdullah ahmed ahmad ali amir anders antoine arjun bernd boris bruno carlo
    cesar dmitry diego emmanuel enrique erik felipe fernando francisco francois franz
    friedrich gerhard giorgio giovanni giuseppe gustavo hans hassan helmut heinrich hiroshi
    hugo ibrahim igor ivan jacques javier joachim johan jurgen karl klaus lars lorenzo luca
    luigi manuel marcel marcelo matteo mehmet mohamed mohammed muhammad narendra nikolai
    olaf pablo pedro pierre rafael rahul ramon recep ricardo rishi sergio silvio stefan
    sven takeshi thierry ulrich viktor vincent vladislav volodymyr wolfgang yuri""".split()  # noqa: SIM905
)
_FEMALE_NAMES = frozenset(
    """abby abigail alexandra alice alicia allison amanda amy ana andrea angela ann anna anne
    barbara betsy betty beverly brenda carla carly carol caroline catherine chelsea cheryl
    christina christine claire cynthia dana deborah debbie debra denise diana diane donna
    doris dorothy elaine eleanor elena elizabeth ellen emily emma erica erin eva evelyn frances
    gina gloria grace hannah heather heidi helen hillary huma ivanka jacqueline jane janet
    janice jean jennifer jessica jill joan joanne joy joyce judith judy julia julie karen kate
    katherine kathleen kathryn kathy katie kayleigh kellyanne kelly kim kimberly kirsten kristen
    laura lauren linda lisa lois loretta lori louise lucy lynn margaret maria marie marilyn
    martha mary megan megyn melania melissa michele michelle monica nancy natalie nicole nikki
    olivia pamela patricia paula peggy rachel rebecca rose ruth sally samantha sandra sara
    sarah sharon shirley sophia stephanie susan suzanne tammy teresa theresa tiffany tina
    valerie victoria virginia wendy
    adriana agnieszka aisha amina angelika astrid beatriz birgit brigitte camille carmen
    chiara claudia cristina daniela dilma dolores ewa fatima fernanda fiona francesca
    gabriela giorgia giulia greta ingrid irina isabel isabella isabelle jacinda kamala
    katarzyna kerstin leila lucia madeleine magdalena mariana marianne marina
    martina mette monique natalia nathalie niamh nirmala olga priya ramona sabine sanna
    siobhan sofia sophie svetlana sylvie tatiana ulrike ursula yulia""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z][\w.’'-]*")


@functools.lru_cache(maxsize=4096)  # a third of the calls repeat one name of the article
def gender_of(name: str, context: str = "") -> str | None:
    """ "m", "f" or None for a person's name, using role words in ``context`` first."""
    for word in _WORD.findall(context.lower())[-4:] if context else ():
        if word in _MALE_WORDS:
            return MALE
        if word in _FEMALE_WORDS:
            return FEMALE
    words = name.split()
    if len(words) < 2:
        return None
    given = words[0].lower().strip(".")
    if given in _MALE_WORDS:
        return MALE  # 'King Charles', 'Prince Harry': a title that is part of the name
    if given in _FEMALE_WORDS:
        return FEMALE
    if given in _MALE_NAMES:
        return MALE
    if given in _FEMALE_NAMES:
        return FEMALE
    return None


def is_given_name(word: str) -> bool:
    """A given name the gender lists know ('Dave', 'Ruth')."""
    low = word.lower().strip(".")
    return low in _MALE_NAMES or low in _FEMALE_NAMES


def pronoun_gender(pronoun: str) -> str | None:
    """The gender a personal pronoun asks for; None for they/it/we/I."""
    low = pronoun.lower()
    if low in ("he", "him", "his", "himself"):
        return MALE
    if low in ("she", "her", "hers", "herself"):
        return FEMALE
    return None
