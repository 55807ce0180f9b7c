"""Rendering a Brief as text, Markdown, JSON and HTML, and the brief's JSON Schema."""

from __future__ import annotations

import copy
import html
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import ClassVar

import pytest
from markdown_it import MarkdownIt

from redline.models import (
    Article,
    Assessment,
    Brief,
    Claim,
    Event,
    Evidence,
    Geo,
    Mention,
    Scenario,
    Statement,
    Threat,
)
from redline.report.render import render
from redline.report.schema import brief_schema, check_evidence, validate_brief

TEXT = (
    "Russia has ramped up its shelling of Ukrainian cities, including Sumy and Odessa. "
    "Foreign Ministry spokeswoman Maria Zakharova warned that any use of ATACMS missiles against "
    "Russian territory would lead to a direct involvement of the U.S. in the conflict.\n"
    "Analysts at the Institute for the Study of War said Moscow has repeatedly declared red lines "
    "without following through."
)
ARTICLE = Article(
    id="a1",
    title="Escalation Fears Rise as Ukraine War Enters 1000th Day",
    text=TEXT,
    url="https://www.voanews.com/a/example",
    source="VOA",
    published=datetime(2024, 11, 19, 12, 30, tzinfo=UTC),
    language="en",
)


def ev(phrase: str, article: Article = ARTICLE) -> Evidence:
    start = article.text.index(phrase)
    return Evidence.of(article, start, start + len(phrase))


def mention(mid: str, phrase: str, type_: str, canonical: str, code: str | None, **kw: object) -> Mention:
    e = ev(phrase)
    return Mention(mid, phrase, type_, canonical, code, e.start, e.end, **kw)  # type: ignore[arg-type]


SHELLING = ev("Russia has ramped up its shelling of Ukrainian cities, including Sumy and Odessa.")
WARNING = ev(
    "any use of ATACMS missiles against Russian territory would lead to a direct involvement of the U.S. "
    "in the conflict"
)
ISW = ev("Moscow has repeatedly declared red lines without following through")
ENTITIES = (
    mention(
        "m1",
        "Maria Zakharova",
        "PERSON",
        "Maria Zakharova",
        "RUS-GOV",
        attrs=(("role", "Foreign Ministry spokeswoman"),),
    ),
    mention("m2", "Odessa", "PLACE", "Odesa", "UKR", geo=Geo(46.4775, 30.7326, "UKR")),
    mention(
        "m3",
        "ATACMS",
        "WEAPON",
        "ATACMS",
        None,
        attrs=(("class", "ballistic missile"), ("range_km", "300"), ("origin", "USA")),
    ),
)
CLAIM = Claim("c1", "Maria Zakharova", "official", "RUS-GOV", "warned", WARNING.quote, "threat", (WARNING,))
EVENT = Event(
    "e1",
    "ASSAULT",
    "bombard",
    "19",
    "RUS-MIL",
    "UKR",
    "Odessa",
    Geo(46.4775, 30.7326, "UKR"),
    (),
    "asserted",
    -9.0,
    0.8,
    (SHELLING,),
)
THREAT = Threat(
    "t1",
    "RUS",
    "Maria Zakharova",
    "ATACMS missiles are used against Russian territory",
    "direct involvement of the U.S. in the conflict",
    "USA",
    None,
    "military",
    (WARNING,),
)
STATEMENTS = (
    Statement(
        "rhetoric", "Russian officials threaten a response if ATACMS strike Russian territory.", (WARNING,)
    ),
    Statement("expert_view", "Analysts note Moscow's red lines have often gone unenforced.", (ISW,)),
    Statement("development", "Russia has widened its shelling to Sumy and Odessa.", (SHELLING,)),
)
SCENARIOS = (
    Scenario(
        "s1",
        "Ukraine strikes Russian territory with ATACMS",
        "Russia escalates against U.S. assets",
        ("RUS", "UKR", "USA"),
        0.35,
        90,
        ("ATACMS strike inside Russia", "Russian nuclear signalling"),
        "If Ukraine strikes Russian territory with ATACMS, Russia may escalate against U.S. assets.",
        "threat declared by an official; past red lines mostly unenforced",
        (WARNING, ISW),
    ),
    Scenario(
        "s2",
        "shelling continues",
        "more cities are hit",
        ("RUS",),
        0.6,
        30,
        (),
        "If shelling continues, more cities may be hit.",
        "",
        (SHELLING,),
    ),
)
BRIEF = Brief(
    ARTICLE,
    ENTITIES,
    (CLAIM,),
    (EVENT,),
    (THREAT,),
    Assessment(62.0, "escalating", 4, "Threats of force", STATEMENTS),
    SCENARIOS,
)
XSS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


def xss_brief() -> Brief:
    """The brief with an XSS payload in the title and in the article text, evidence still exact."""
    text = f"{XSS[0]} {XSS[1]} " + TEXT
    article = replace(ARTICLE, title=f"Title {XSS[0]}{XSS[1]}", text=text)
    shift = len(text) - len(TEXT)
    payload = Evidence.of(article, 0, len(XSS[0]) + 1 + len(XSS[1]))

    def moved(e: Evidence) -> Evidence:
        return Evidence.of(article, e.start + shift, e.end + shift)

    statements = tuple(replace(s, evidence=tuple(moved(e) for e in s.evidence)) for s in STATEMENTS)
    statements += (Statement("uncertainty", f"Quoted {XSS[0]}", (payload,)),)
    scenarios = tuple(replace(s, evidence=tuple(moved(e) for e in s.evidence)) for s in SCENARIOS)
    return Brief(article, (), (), (), (), replace(BRIEF.assessment, statements=statements), scenarios)


class _Balance(HTMLParser):
    """Records unclosed or mismatched tags (void elements aside)."""

    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "br", "img", "link", "hr", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_report_fixture_evidence_is_exact() -> None:
    assert check_evidence(BRIEF.to_dict(), TEXT) == []
    assert check_evidence(xss_brief().to_dict(), xss_brief().article.text) == []


def test_report_json_validates_and_round_trips() -> None:
    out = render(BRIEF, "json")
    data = json.loads(out)
    validate_brief(data)
    assert data == json.loads(json.dumps(BRIEF.to_dict()))
    assert data["entities"][1]["geo"] == {"lat": 46.4775, "lon": 30.7326, "country": "UKR"}
    assert data["entities"][2]["range_km"] == "300"
    assert out == json.dumps(BRIEF.to_dict(), ensure_ascii=False, indent=2)


def test_report_schema_is_draft_2020_12() -> None:
    schema = brief_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is True
    schema["required"].clear()
    assert brief_schema()["required"], "brief_schema() must return a fresh copy"


def test_report_schema_rejects_missing_scenarios() -> None:
    data = BRIEF.to_dict()
    del data["scenarios"]
    with pytest.raises(ValueError) as exc:
        validate_brief(data)
    assert str(exc.value) == (
        "brief $: 'scenarios' is a required property (see redline/report/brief.schema.json)"
    )


def test_report_schema_rejects_probability_above_one() -> None:
    data = BRIEF.to_dict()
    data["scenarios"][1]["probability"] = 1.5
    with pytest.raises(ValueError) as exc:
        validate_brief(data)
    assert str(exc.value) == (
        "brief $.scenarios[1].probability: 1.5 is greater than the maximum of 1"
        " (see redline/report/brief.schema.json)"
    )


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("entities", 0, "type"), "CITY", "$.entities[0].type"),
        (("events", 0, "intensity"), -11, "$.events[0].intensity"),
        (("assessment", "escalation_score"), 101, "$.assessment.escalation_score"),
        (("assessment", "statements", 0, "kind"), "opinion", "$.assessment.statements[0].kind"),
        (("claims", 0, "evidence", 0, "start"), -1, "$.claims[0].evidence[0].start"),
        (("threats", 0, "evidence", 0, "end"), "12", "$.threats[0].evidence[0].end"),
        (("entities", 1, "geo"), {"lat": 1.0}, "$.entities[1].geo"),
    ],
)
def test_report_schema_names_the_path(path: tuple[str | int, ...], value: object, where: str) -> None:
    data = BRIEF.to_dict()
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ValueError, match=re.escape(f"brief {where}: ")):
        validate_brief(data)


def test_report_schema_allows_extra_fields_and_null_geo() -> None:
    data = copy.deepcopy(BRIEF.to_dict())
    data["generator"] = "writer.v1"
    data["entities"][0]["nuclear_capable"] = "false"
    assert data["entities"][0]["geo"] is None
    validate_brief(data)


def test_report_check_evidence_flags_wrong_quote() -> None:
    data = BRIEF.to_dict()
    data["claims"][0]["evidence"][0]["quote"] = "any use of ATACMS"
    data["scenarios"][0]["evidence"][1]["end"] = len(TEXT) + 5
    assert check_evidence(data, TEXT) == [
        f"$.claims[0].evidence[0]: quote 'any use of ATACMS' != "
        f"article text[{WARNING.start}:{WARNING.end}] {WARNING.quote!r}",
        f"$.scenarios[0].evidence[1]: span {ISW.start}..{len(TEXT) + 5} "
        f"lies outside the article text (length {len(TEXT)})",
    ]


def test_report_check_evidence_flags_foreign_article_and_entity_text() -> None:
    data = BRIEF.to_dict()
    data["events"][0]["evidence"][0]["article_id"] = "other"
    data["entities"][1]["text"] = "Odesa"
    assert check_evidence(data, TEXT) == [
        "$.events[0].evidence[0]: article_id 'other' != brief article id 'a1'",
        f"$.entities[1]: text 'Odesa' != article text[{ENTITIES[1].start}:{ENTITIES[1].end}] 'Odessa'",
    ]


def test_report_text_shows_statements_and_probabilities() -> None:
    out = render(BRIEF, "text")
    flat = " ".join(out.split())
    for st in STATEMENTS:
        assert st.text in flat
    assert (
        "If Ukraine strikes Russian territory with ATACMS, Russia may escalate against U.S. assets (p=0.35, 90 days)"
        in flat
    )
    assert "(p=0.60, 30 days)" in flat
    assert "Escalation score 62/100 · escalating · ladder rung 4: Threats of force" in flat
    assert "signposts: ATACMS strike inside Russia; Russian nuclear signalling" in flat
    assert "RUS: if ATACMS missiles are used against Russian territory → direct involvement" in flat
    assert "in the conflict (target USA, military threat, said by Maria Zakharova) [1]" in flat
    assert "ASSAULT (bombard, CAMEO 19): RUS-MIL → UKR at Odessa; asserted, intensity -9.0" in flat
    assert "Maria Zakharova (official, threat): “any use of ATACMS" in flat
    assert "Odesa (UKR, 46.4775, 30.7326)" in flat
    assert "ATACMS (ballistic missile, USA, range 300 km)" in flat
    assert "published 2024-11-19 12:30 UTC · source VOA · url https://www.voanews.com/a/example" in flat


def test_report_text_cites_numbered_evidence() -> None:
    flat = " ".join(render(BRIEF, "text").split())
    assert f"{STATEMENTS[0].text} [1]" in flat
    assert f"{STATEMENTS[2].text} [3]" in flat
    assert "(p=0.35, 90 days) [1][2]" in flat
    evidence = flat[flat.index("Evidence [1]") :]
    assert f"[2] “{ISW.quote}” (chars {ISW.start}–{ISW.end})" in evidence
    assert "[4]" not in evidence


def test_report_text_has_no_ansi_without_color() -> None:
    out = render(BRIEF, "text", color=False)
    assert "\x1b" not in out
    assert "\x1b[" in render(BRIEF, "text", color=True)


def test_report_text_ignores_color_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in render(BRIEF, "text")
    assert "\x1b[" in render(BRIEF, "text", color=True)


def test_report_text_empty_sections_say_none_found() -> None:
    empty = Brief(ARTICLE, (), (), (), (), Assessment(0.0, "stable", 0, "", ()), ())
    out = render(empty, "text")
    assert out.count("none found") == 6
    assert "Escalation score 0/100 · stable · ladder rung 0" in out
    for fmt in ("md", "html"):
        assert "none found" in render(empty, fmt)


def test_report_text_keeps_rich_markup_literal() -> None:
    brief = replace(BRIEF, article=replace(ARTICLE, title="[bold red]Boom[/] :warning:"))
    assert "[bold red]Boom[/] :warning:" in render(brief, "text", color=True)


def test_report_md_has_footnotes() -> None:
    out = render(BRIEF, "md")
    assert out.startswith("# Escalation Fears Rise as Ukraine War Enters 1000th Day\n")
    assert f"- _rhetoric_: {STATEMENTS[0].text}[^1]\n" in out
    assert "[^1][^2]" in out
    assert f"[^3]: “{SHELLING.quote}” (chars {SHELLING.start}–{SHELLING.end})" in out
    assert "## Scenarios" in out and "## Evidence" not in out
    html_out = MarkdownIt("commonmark").enable("table").render(out)
    assert "(p=0.35, 90 days)" in html_out


def test_report_md_escapes_article_text() -> None:
    out = render(xss_brief(), "md")
    assert XSS[0] not in out and XSS[1] not in out
    assert r"\<script\>alert(1)\</script\>" in out
    rendered = MarkdownIt("commonmark", {"html": True}).render(out)
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_report_md_escapes_block_starts() -> None:
    statements = (
        Statement("rhetoric", "1. not a list", ()),
        Statement("rhetoric", "- not a bullet", ()),
        Statement("rhetoric", "**not bold** and [not](a link)", ()),
    )
    brief = replace(BRIEF, assessment=replace(BRIEF.assessment, statements=statements))
    out = render(brief, "md")
    assert "- _rhetoric_: 1\\. not a list\n" in out
    assert "- _rhetoric_: \\- not a bullet\n" in out
    rendered = MarkdownIt("commonmark").render(out)
    assert "<li>rhetoric: 1. not a list</li>".replace("rhetoric", "<em>rhetoric</em>") in rendered
    assert "<strong>not" not in rendered and "<a href" not in rendered


def test_report_html_escapes_xss_payloads() -> None:
    out = render(xss_brief(), "html")
    for payload in XSS:
        assert payload not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<title>Title &lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img" in out
    assert "<script" not in out and "<img" not in out


def test_report_html_is_self_contained_page() -> None:
    out = render(BRIEF, "html")
    assert out.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in out
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        in out
    )
    assert "<link" not in out and "src=" not in out
    assert '<a href="https://www.voanews.com/a/example" rel="noopener noreferrer">' in out
    parser = _Balance()
    parser.feed(out)
    assert parser.errors == [] and parser.stack == []


def key(e: Evidence) -> str:
    return f"ev-{e.start}-{e.end}"


def test_report_html_marks_every_evidence_span() -> None:
    out = render(BRIEF, "html")
    for n, e in enumerate((WARNING, ISW, SHELLING), 1):
        assert out.count(f'<span id="{key(e)}" class="anchor"></span>') == 1
        assert f'<a class="evref" href="#{key(e)}" data-ev="{key(e)}" data-n="{n}"' in out
        assert f'<li id="ref-{n}" data-ev="{key(e)}">' in out
    shelling = re.findall(f'<span class="ev {key(SHELLING)}[^"]*"[^>]*>([^<]*)</span>', out)
    assert "".join(shelling) == SHELLING.quote
    assert 'data-n="4"' not in out


def test_report_html_marks_overlapping_and_empty_spans() -> None:
    inner = ev("ATACMS missiles")
    overlap = ev(
        "Russian territory would lead to a direct involvement of the U.S. in the conflict.\nAnalysts"
    )
    empty = Evidence("a1", 10, 10, "")
    statements = (
        Statement("rhetoric", "a", (WARNING,)),
        Statement("rhetoric", "b", (inner,)),
        Statement("rhetoric", "c", (overlap,)),
        Statement("rhetoric", "d", (empty,)),
    )
    brief = replace(BRIEF, assessment=replace(BRIEF.assessment, statements=statements), scenarios=())
    out = render(brief, "html")
    parser = _Balance()
    parser.feed(out)
    assert parser.errors == [] and parser.stack == []
    for e in (WARNING, inner, overlap, empty):
        assert out.count(f'id="{key(e)}"') == 1
    article = out[out.index('<div class="body">') :]
    visible = re.sub(r"<[^>]+>", "", article[: article.index("</div>")])
    assert visible == html.escape(TEXT, quote=False).replace("'", "&#39;")
    both = re.findall(r'<span class="([^"]*)"[^>]*>ATACMS</span>', out)
    assert both and {"ev", key(WARNING), key(inner), "m", "m-weapon"} <= set(both[0].split())


def test_report_html_links_only_web_urls() -> None:
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", " https://x.org/a", "//evil.org"):
        out = render(replace(BRIEF, article=replace(ARTICLE, url=url)), "html")
        assert "<a href=" not in out.split("</header>")[0]
        assert f"url {html.escape(url.strip())}" in out
    out = render(BRIEF, "html")
    assert '<a href="https://www.voanews.com/a/example" rel="noopener noreferrer">' in out


def test_report_html_foreign_evidence_points_to_its_line() -> None:
    other = Evidence("other-article", 5, 25, "a quote from elsewhere")
    brief = replace(BRIEF, scenarios=(replace(SCENARIOS[0], evidence=(other,)),))
    out = render(brief, "html")
    assert '<a class="evref" href="#ref-4" data-ev="ev-5-25" data-n="4"' in out
    assert '<li id="ref-4" data-ev="ev-5-25">“a quote from elsewhere” <span class="dim">(chars 5–25, article ' \
           'other-article)</span></li>' in out
    assert 'id="ev-5-25"' not in out


def test_report_unknown_format_error() -> None:
    with pytest.raises(ValueError) as exc:
        render(BRIEF, "pdf")
    assert str(exc.value) == "unknown format 'pdf' (choose one of: text, md, json, html)"
