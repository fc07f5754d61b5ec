"""A program's summary in plain words, composed from the facts its source file gives.

State ETPL and College Scorecard rows carry no summary of their own (an ETPL row's description
is the provider's text, shown under "Official description"), so the page's plain summary is
built here: one short sentence per published fact, in the active language, each a fact the page
also shows with its source. Nothing missing is guessed; a fact the file leaves out has no
sentence. Tests grade it against the plain-words bar (careerportal.readability).
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from ..compare_table import money
from .models import Program, ProgramSource


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# The College Scorecard's award levels (P_CREDDESC), and the same words on state lists, in
# plain words; an award not named here is quoted as published.
AWARDS_PLAIN = {
    "undergraduate certificate or diploma": _lazy("a college certificate or diploma"),
    "associate's degree": _lazy("an associate degree"),
    "bachelor's degree": _lazy("a bachelor's degree"),
    "post-baccalaureate certificate": _lazy("a certificate for people with a bachelor's degree"),
    "master's degree": _lazy("a master's degree"),
    "doctoral degree": _lazy("a doctoral degree"),
    "first professional degree": _lazy("a degree for a profession, such as law or medicine"),
    "graduate/professional certificate": _lazy("a certificate for graduate students"),
}


def _award_sentence(award: str) -> str:
    award = award.strip().rstrip(".")
    plain = AWARDS_PLAIN.get(award.replace("\u2019", "'").lower())
    if plain is not None:
        return _("At the end, you earn %(award)s.") % {"award": plain}
    return _("At the end, you earn this: %(credential)s.") % {"credential": award}


def program_plain_summary(program: Program, *, language_names: list[str]) -> str:
    """Write the program's plain summary from its facts; language_names: languages taught in."""
    sentences = []
    if program.wioa_eligible:
        sentences.append(_("It is on the state's list of training programs that WIOA can pay for."))
    if program.source == ProgramSource.SCORECARD:
        # The College Scorecard covers schools that take federal student aid (Title IV).
        sentences.append(_("The school takes federal student aid."))
    if program.credential_earned:
        sentences.append(_award_sentence(program.credential_earned))
    if program.online:
        sentences.append(_("You can take it online."))
    if program.city and program.state:
        sentences.append(
            _("Classes meet in %(city)s, %(state)s.")
            % {"city": program.city, "state": program.state}
        )
    if program.calendar_length:
        sentences.append(
            _("It takes %(length)s.")
            % {"length": _lower_first(str(program.get_calendar_length_display()))}
        )
    if program.clock_hours:
        sentences.append(
            ngettext("It has %(hours)s hour of class.", "It has %(hours)s hours of class.",
                     program.clock_hours)
            % {"hours": number_format(program.clock_hours, force_grouping=True)}
        )  # fmt: skip
    if program.evening_courses and program.weekend_courses:
        sentences.append(_("Some classes are in the evening or on weekends."))
    elif program.evening_courses:
        sentences.append(_("Some classes are in the evening."))
    elif program.weekend_courses:
        sentences.append(_("Some classes are on weekends."))
    if program.total_cost_usd == 0:
        sentences.append(_("The list says it costs nothing."))
    elif program.total_cost_usd is not None:
        sentences.append(
            _("The list gives a total cost of %(cost)s.") % {"cost": money(program.total_cost_usd)}
        )
    if language_names:
        sentences.append(
            _("Classes are also taught in %(languages)s.")
            % {"languages": ", ".join(language_names)}
        )
    return " ".join(sentences)
