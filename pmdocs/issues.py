"""Problems as data: locations, severities, issues, the registry of stable codes, and the
one line an issue is printed as. An issue's message and hint are `Text` where a catalogue
words them (`pmdocs.messages`), shown in the reader's language when printed."""

from __future__ import annotations

import dataclasses
import difflib
import enum
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple

from .messages import DEFAULT_LANGUAGE, Text, advice, localized, title, words
from .printable import one_line, path_at_line_start


class Severity(enum.IntEnum):
    """How bad a problem is; the order is the order of importance."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.upper()]


class Location(NamedTuple):
    """A 1-based position in a spec file; `offset` is the 0-based character index.

    A named tuple, not a dataclass: the loader makes one for every value of every file, and
    a tuple is several times cheaper to create."""

    file: str
    line: int = 0
    col: int = 0
    offset: int = -1

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Issue:
    """One problem found in the specs: what, where, how bad, and how to fix it."""

    code: str
    severity: Severity
    message: str
    """A `Text` (shown in any language) or, until its code's wording joins the catalogue,
    English text."""
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = ()
    subject: tuple[str, str] | None = None
    """What the problem is about, where it is about one thing: (section, id) of an item —
    `("rules", "coupon")` — or `("settings", <field>)` for pmdocs.yml's settings. Readers of
    issues (the site's verdicts, a diff of two revisions) go by it, never by the message."""

    def sort_key(self) -> tuple:
        return (self.location.file, self.location.line, self.location.col, self.code, self.message)

    def message_in(self, language: str) -> str:
        return localized(self.message, language)

    def hint_in(self, language: str) -> str:
        return localized(self.hint, language)


@dataclass(frozen=True)
class Code:
    """A documented diagnostic: its stable code, default severity and one-line summary."""

    code: str
    severity: Severity
    title: str
    """In English; other languages' titles, and every language's advice, are in the
    catalogues of `pmdocs.messages`."""
    switchable: bool = True

    def title_in(self, language: str) -> str:
        return title(self.code, self.title, language)

    def advice_in(self, language: str) -> str:
        """How to fix what the code finds, in general."""
        return advice(self.code, language)


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

_CODES = [
    # PM1xx: reading files
    Code("PM100", E, "The project folder or its pmdocs.yml is missing", switchable=False),
    Code("PM101", E, "A spec file is not UTF-8 text", switchable=False),
    Code("PM102", E, "YAML syntax error", switchable=False),
    Code("PM103", E, "A key appears twice in one mapping", switchable=False),
    Code("PM104", E, "A spec file is empty", switchable=False),
    Code("PM105", E, "A spec file is not a mapping of sections", switchable=False),
    Code("PM106", E, "A spec file is too large", switchable=False),
    Code("PM107", E, "Aliases expand too far, or nest too deep (an alias bomb)", switchable=False),
    Code("PM108", E, "A spec file or folder cannot be read", switchable=False),
    Code("PM109", E, "A YAML feature pmdocs does not accept (tags, merge keys, several documents)", switchable=False),
    # PM2xx: the spec language
    Code("PM201", E, "Unknown key", switchable=False),
    Code("PM202", E, "A required field is missing", switchable=False),
    Code("PM203", E, "A field has the wrong type", switchable=False),
    Code("PM204", E, "YAML read a value as a boolean, number or date where text is expected", switchable=False),
    Code("PM205", E, "A value is not one of the allowed choices", switchable=False),
    Code("PM206", E, "An id is not an ASCII slug", switchable=False),
    Code("PM207", E, "An id is used twice", switchable=False),
    # PM3xx: references and page jumps
    Code("PM301", E, "A reference to an unknown id"),
    Code("PM310", E, "No page is an entry page"),
    Code("PM311", W, "A page cannot be reached from any entry page"),
    Code("PM312", W, "A page is a dead end: no way out, and not marked terminal"),
    Code("PM313", W, "A dialog or sheet has no way to close"),
    Code("PM314", W, "Conditional jumps from one action leave a gap (no default jump)"),
    Code("PM320", W, "A page lacks a state the project requires"),
    Code("PM321", W, "An element is hidden in states it was meant to show in, or in every state"),
    Code("PM322", W, "The state a page opens in shows no way onward"),
    # PM33x: rules and decision tables
    Code("PM330", W, "A decision table is incomplete: some combination has no row"),
    Code("PM331", E, "Two rows overlap under hit policy `unique`"),
    Code("PM332", E, "Overlapping rows give different outcomes under hit policy `any`"),
    Code("PM333", W, "A row can never fire under hit policy `first`"),
    Code("PM334", E, "Two rows have the same conditions"),
    Code("PM335", E, "A condition value is outside its input's domain"),
    Code("PM336", E, "A parameter is used but not defined"),
    Code("PM337", W, "A parameter has no default or no range"),
    Code("PM338", I, "A condition is free text and could not be analysed"),
    Code("PM339", I, "A decision table has too many combinations to analyse"),
    # PM34x: limits
    Code("PM340", E, "A limit has no window"),
    Code("PM341", E, "A limit has no subject"),
    Code("PM342", E, "A limit has no counted event"),
    Code("PM343", E, "A limit's window is incomplete (time zone, reset time or duration)"),
    Code("PM344", W, "Free text states a quantity limit without a `limit` block"),
    # PM345–PM349: rule inputs and constraints
    Code("PM345", E, "A rule input's values differ from the model it takes them from (`from`)"),
    Code("PM346", E, "A constraint says nothing, or the constraints rule out every case"),
    Code("PM347", W, "A row matches only cases the table's constraints rule out"),
    # PM35x: wording
    Code("PM350", I, "A vague word in a rule or an acceptance criterion"),
    # PM36x: business objects
    Code("PM360", W, "A lifecycle state cannot be reached from the initial state"),
    Code("PM361", W, "A non-final lifecycle state has no way out"),
    Code("PM362", E, "A lifecycle names an unknown state"),
    Code("PM363", W, "The attribute that holds an object's state lists other values than its lifecycle's states"),
    # PM37x: business flows
    Code("PM370", E, "A flow lane is not a role"),
    Code("PM371", W, "A flow step cannot be reached from a start step"),
    Code("PM372", W, "A flow step has no path to an end step"),
    Code("PM373", W, "A decision has fewer than two labelled exits"),
    Code("PM374", E, "A flow step names a lane or stage the flow does not declare"),
    Code("PM375", E, "A flow has no start step or no end step"),
    Code("PM376", W, "A flow step happens on a page its lane's role may not open"),
    # PM38x: features
    Code("PM380", W, "A feature links to nothing"),
    Code("PM381", W, "A page is covered by no feature"),
    # PM39x: project settings
    Code("PM390", E, "The check settings name an unknown code", switchable=False),
    Code("PM391", E, "pmdocs.yml's `output` is not a folder inside the project", switchable=False),
]

CODES: dict[str, Code] = {code.code: code for code in _CODES}

RULE_CHECK_CODES = tuple(f"PM{number}" for number in range(330, 350))
"""The checks whose findings about a rule make up its verdict (decision tables and limits):
the site's completeness column and a diff's verdict of a rule."""


def make_issue(code: str, message: str, location: Location, hint: str = "",
               related: Iterable[Location] = (), subject: tuple[str, str] | None = None) -> Issue:
    """An issue with the code's default severity (the project may change it later)."""
    return Issue(code, CODES[code].severity, message, location, hint, tuple(related), subject)


def about(subject: tuple[str, str], issues: Iterable[Issue]) -> Iterator[Issue]:
    """The issues, each saying it is about `subject` (a check sets it where it loops over
    items, so the code that words a problem need not know)."""
    for issue in issues:
        yield dataclasses.replace(issue, subject=subject)


def issue_line(issue: Issue, language: str = DEFAULT_LANGUAGE) -> str:
    """`file:line:col: severity CODE message (hint)`, on one line whatever spec text the
    message quotes (see `pmdocs.printable`); the severity and code stay as tools match them,
    the message and hint are in `language`."""
    hint = f" ({issue.hint_in(language)})" if issue.hint else ""
    place = path_at_line_start(str(issue.location))
    return one_line(f"{place}: {issue.severity.label} {issue.code} "
                    f"{issue.message_in(language)}{hint}")


def issue_record(issue: Issue, language: str = DEFAULT_LANGUAGE) -> dict:
    """An issue as `--format json` gives it (its text exact: JSON escapes it)."""
    location = issue.location
    return {
        "file": location.file, "line": location.line, "col": location.col,
        "severity": issue.severity.label, "code": issue.code,
        "message": issue.message_in(language), "hint": issue.hint_in(language),
        "related": [{"file": place.file, "line": place.line, "col": place.col}
                    for place in issue.related],
        "subject": {"kind": issue.subject[0], "id": issue.subject[1]} if issue.subject else None,
    }


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or an empty string."""
    matches = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return Text("did_you_mean", choice=matches[0]) if matches else ""


def summarize(issues: Iterable[Issue], file_count: int, language: str = DEFAULT_LANGUAGE) -> str:
    """`3 errors, 2 warnings in 14 files` (or `no problems in 14 files`), in `language`."""
    said = words(language)
    counts = {severity: 0 for severity in Severity}
    for issue in issues:
        counts[issue.severity] += 1

    def counted(word: str, count: int) -> str:
        return said[f"{word}_{'one' if count == 1 else 'many'}"].format(count=count)
    parts = [counted(severity.label, counts[severity]) for severity in (E, W, I)
             if counts[severity]]
    return said["summary"].format(counts=said["separator"].join(parts) if parts
                                  else said["no_problems"], files=counted("file", file_count))
