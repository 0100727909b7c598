"""A deterministic benchmark corpus: clinic websites in HTML and Markdown at a chosen size.

Pages are built the way real clinic sites are: navigation and breadcrumbs, a cookie banner, a
footer with an address and a disclaimer repeated on every page, and between them headings,
paragraphs, lists, tables, FAQs, testimonials and reference lists. About a third of the prose
makes a health claim (written here, or taken from the pages in ``examples/``); the rest is the
logistics, procedure descriptions and blog prose that surround claims on a real site. Sentence
templates have slots (treatments, cities, figures, names) so most sentences on a page are
distinct, as on a real site, rather than a few sentences repeated into megabytes.

The generator is a seeded :class:`random.Random` and nothing else: the same size gives the same
bytes on every run and every machine (``python bench/corpus.py --check`` proves it). A corpus of
N bytes is written to ``bench/corpus/<name>/`` as ``md/`` and ``html/`` halves of about N/2 bytes each,
in sites of up to 40 pages; a stamp file records what was generated so a rerun skips the work.

    python bench/corpus.py 1mb 10mb 100mb
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS_DIR = BENCH / "corpus"
EXAMPLES = ROOT / "examples"

#: Corpus names and their sizes in bytes (1 MB = 10**6 bytes, as throughput is reported).
SIZES = {"1mb": 1_000_000, "10mb": 10_000_000, "100mb": 100_000_000}
SEED = 20_241_121
#: Bumped whenever the generator's output changes, so stale corpora are rebuilt.
GENERATOR_VERSION = 1
_PAGES_PER_SITE = 40

# --- vocabulary -------------------------------------------------------------------------------

_TREATMENTS = [
    ("ketamine", "ketamine infusion therapy", "depression"),
    ("ketamine", "IV ketamine", "treatment-resistant depression"),
    ("ketamine", "ketamine-assisted therapy", "PTSD"),
    ("esketamine", "Spravato nasal spray", "depression"),
    ("ketamine", "ketamine infusions", "chronic pain"),
    ("ketamine", "ketamine treatment", "anxiety"),
]
_CITIES = [
    "Chicago", "Denver", "Austin", "Portland", "Phoenix", "Atlanta", "Boston", "Nashville", "Seattle", "Tampa",
    "San Diego", "Columbus", "Raleigh", "Madison", "Boise", "Tucson", "Omaha", "Richmond", "Spokane", "Albany",
]  # fmt: skip
_CLINIC_WORDS = [
    "Lakeshore", "Summit", "Harbor", "Cedar", "Northstar", "Clearview", "Riverbend", "Bluewater", "Evergreen",
    "Lumen", "Meridian", "Keystone", "Aspen", "Willow", "Beacon", "Sage", "Granite", "Crescent", "Pinecrest",
]  # fmt: skip
_CLINIC_KINDS = ["Ketamine Center", "Wellness Clinic", "Infusion Clinic", "Mental Health", "Ketamine & Wellness"]
_FIRST = ["Sam", "Maria", "James", "Priya", "Chen", "Olivia", "Marcus", "Aisha", "Daniel", "Grace", "Tom", "Lena"]
_LAST = ["Patel", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kim", "Alvarez", "Cohen", "Walsh", "Moreau", "Singh"]
_STREETS = ["Michigan Avenue", "Main Street", "Oak Drive", "Harbor Road", "Elm Street", "Park Boulevard"]
_STATES = ["IL", "CO", "TX", "OR", "AZ", "GA", "MA", "TN", "WA", "FL", "CA", "OH", "NC", "WI", "ID", "NY"]
_SYMPTOMS = ["low mood", "sleep problems", "racing thoughts", "loss of interest", "fatigue", "irritability"]
_MEDS = ["SSRIs", "SNRIs", "antidepressants", "mood stabilizers", "talk therapy", "ECT"]

# Sentences that make a health claim: overstatements, qualified claims and claims with figures.
_CLAIMS = [
    "{T} works fast: most of our patients feel better within {h} hours of their very first infusion.",
    "{T} is a breakthrough treatment for {c} that works when nothing else has.",
    "Our {P} relieves {c} in as little as {h} hours.",
    "{T} is completely safe and has no serious side effects.",
    "{T} is FDA-approved and clinically proven to treat {c}.",
    "In clinical trials, about {p}% of patients with {c} responded within a day of an infusion.",
    "The benefits of {T} often fade within {w} weeks, so a short series of infusions is usually offered.",
    "{T} rebuilds the brain connections that {c} destroys.",
    "Unlike {m}, {T} gives lasting relief without daily medication.",
    "Clinically proven relief in just one session!",
    "{T} cures {c} for good.",
    "Up to {p}% of our patients report lasting relief from {c}.",
    "{T} may ease symptoms of {c} for a few days in adults who have not responded to {m}.",
    "The effects of {T} are permanent for most of our patients.",
    "{T} is not addictive when given in our clinic.",
    "Our {P} is the most effective treatment available for {c}, with a {p}% success rate.",
    "{T} blocks NMDA receptors and restores healthy brain chemistry within hours.",
    "Many patients notice that {s} improves after the second or third infusion.",
    "{T} works better than {m} and without the weight gain.",
    "{T} is safe for teenagers and older adults alike.",
    "{T} can reduce suicidal thoughts within {h} hours, according to several small trials.",
    "Studies show {T} helps {p}% of people with {c} who have tried at least two antidepressants.",
    "Side effects such as nausea, dizziness and a brief rise in blood pressure usually pass within an hour.",
    "{T} is not suitable for people with uncontrolled high blood pressure or a history of psychosis.",
    "Our {P} is guaranteed to work, or your next infusion is free.",
    "{T} resets the brain and ends {c} without years of talk therapy.",
    "Research suggests that {T} may help some people with {c}, although the effect is often temporary.",
    "{T} has been shown to be more effective than {m} for {c}.",
    "There are no long-term risks from {T} at the doses we use.",
    "Our board-certified anesthesiologists are the most experienced {t} providers in {city}.",
    "Most patients need only one infusion to feel like themselves again.",
    "{T} treats {c}, anxiety, PTSD, OCD and chronic pain.",
    "A single infusion can lift depression for months.",
    "{T} is approved by the FDA for {c}.",
    "Nine out of ten patients feel relief after their first session.",
    "{T} repairs damaged neurons and regrows synapses.",
]

# Sentences that make no health claim: logistics, procedure, about the clinic, blog prose.
_PLAIN = [
    "Call {phone} to schedule a consultation.",
    "Each infusion takes about {min} minutes, and a nurse stays with you throughout.",
    "Plan to rest for the remainder of the day and arrange for someone to drive you home.",
    "Our office is open Monday to Saturday, 8 am to 6 pm.",
    "We are located at {num} {street}, Suite {suite}, {city}, {state} {zip}.",
    "Parking is free in the garage behind the building.",
    "A physician reviews your history, medications and blood pressure before every visit.",
    "A small IV is placed in your arm and the infusion runs for about {min} minutes.",
    "You rest in a quiet room for {min} minutes afterwards.",
    "Payment is due at each visit; we can provide a receipt for out-of-network insurance claims.",
    "We accept HSA and FSA cards.",
    "Dr. {first} {last} founded the clinic in {year} after {n} years in anesthesiology.",
    "Our team includes nurses, a psychiatrist and a care coordinator.",
    "Please bring a list of your current medications to your first appointment.",
    "Avoid eating for four hours before your infusion.",
    "You can listen to music or simply close your eyes during the session.",
    "If you need to reschedule, please let us know at least 24 hours in advance.",
    "We coordinate with your psychiatrist or therapist so your care stays connected.",
    "The clinic has six private treatment rooms with reclining chairs and dimmable lights.",
    "New patients complete a short screening questionnaire online before the consultation.",
    "{first} {last} joined our team in {year} and manages patient scheduling.",
    "Our newsletter comes out once a month with clinic news and event dates.",
    "We will send you a reminder by text message the day before each appointment.",
    "The building is wheelchair accessible, with an elevator from the parking level.",
    "Many of our patients are referred by their primary care doctors.",
    "Fill in the form below and a member of our team will contact you within one business day.",
    "We are closed on public holidays.",
    "This page was last reviewed by Dr. {first} {last} in {month} {year}.",
    "Wear comfortable clothes; the room can feel cool during the infusion.",
    "A follow-up call a few days after each session checks how you are doing.",
    "Our waiting room has free Wi-Fi, tea and coffee.",
    "Ask your insurer whether your plan reimburses infusion therapy before your first visit.",
    "{symptom_cap} can have many causes, and a careful assessment comes first.",
    "Everyone's experience is different, and your plan is adjusted as you go.",
    "We publish our prices so you know the cost before you book.",
]

# Ways writers open and close sentences; combined with the templates they keep most sentences of
# a site distinct, as prose is on real sites (boilerplate is what repeats).
_OPENERS = [
    "In our experience",
    "For many of our patients",
    "According to Dr. {last}",
    "As our medical director explains",
    "Since we opened in {year}",
    "At {clinic}",
    "Here in {city}",
    "For adults with {c}",
    "In {month}",
    "After a careful assessment",
    "As with any treatment",
    "Between appointments",
    "During your first month",
    "Over the past {n} years",
    "When you call",
    "Most weeks",
]
_TAILS = [
    "as {first} from {city} told us",
    "which is why we see patients {n} days a week",
    "according to our {year} patient survey",
    "and our nurses are happy to explain why",
    "so ask us at your consultation",
    "as described on our {cc} page",
    "whatever your schedule",
    "for patients across {city} and nearby towns",
    "in the words of Dr. {first} {last}",
    "and we review this at every visit",
    "especially for people who have tried {m}",
    "which surprises many first-time visitors",
]

_QUESTIONS = [
    "How quickly does {T} work?",
    "Is {T} safe?",
    "How many infusions will I need?",
    "What does {T} feel like?",
    "Does insurance cover {T}?",
    "Who is a good candidate for {P}?",
    "How long do the effects last?",
    "Can I drive after an infusion?",
    "What are the side effects of {T}?",
    "How is {T} different from {m}?",
]
_HEADINGS = [
    "What the Research Shows",
    "How Does {Tc} Work?",
    "Your First Visit",
    "Side Effects",
    "Pricing",
    "Why {clinic}?",
    "Conditions We Treat",
    "Meet Our Team",
    "Patient Stories",
    "Frequently Asked Questions",
    "{Tc} for {cc}",
    "Fast Relief Starts Here",
    "Is {Tc} Right for You?",
    "Getting Started",
]
_REFERENCES = [
    "Murrough JW, Iosifescu DV, Chang LC, et al. Antidepressant efficacy of ketamine in treatment-resistant major "
    "depression: a two-site randomized controlled trial. Am J Psychiatry. 2013;170(10):1134-1142.",
    "aan het Rot M, Collins KA, Murrough JW, et al. Safety and efficacy of repeated-dose intravenous ketamine for "
    "treatment-resistant depression. Biol Psychiatry. 2010;67(2):139-145.",
    "Phillips JL, Norris S, Talbot J, et al. Single, repeated, and maintenance ketamine infusions for "
    "treatment-resistant depression: a randomized controlled trial. Am J Psychiatry. 2019;176(5):401-409.",
    "Short B, Fong J, Galvez V, Shelker W, Loo CK. Side-effects associated with ketamine use in depression: a "
    "systematic review. Lancet Psychiatry. 2018;5(1):65-78.",
    "Newport DJ, Carpenter LL, McDonald WM, et al. Ketamine and other NMDA antagonists: early clinical trials and "
    "possible mechanisms in depression. Am J Psychiatry. 2015;172(10):950-966.",
]
_NAV = ["Home", "{Tc} Therapy", "Conditions", "Our Team", "Pricing", "FAQ", "Blog", "Contact"]
_DISCLAIMER = "This page is general information, not medical advice."
_COOKIES = "We use cookies to understand how visitors use this site. By continuing you accept our cookie policy."

# The copy of the example pages, read once: their paragraphs join the sentence pools, so the
# corpus speaks the way the shipped examples do.
_TAG = re.compile(r"<[^>]+>")
_EXAMPLE_PARAGRAPH = re.compile(r"<(p|li|blockquote)>(.*?)</\1>", re.DOTALL)


def _example_sentences() -> tuple[list[str], list[str]]:
    """(claims, plain) lines from ``examples/``: HTML paragraphs and Markdown prose lines."""
    lines: list[str] = []
    page = (EXAMPLES / "ketamine-clinic.html").read_text(encoding="utf-8")
    main = page[page.index("<main>") : page.index("</main>")]
    for m in _EXAMPLE_PARAGRAPH.finditer(main):
        lines.append(" ".join(html.unescape(_TAG.sub("", m.group(2))).split()))
    for line in (EXAMPLES / "ketamine-faq.md").read_text(encoding="utf-8").splitlines():
        if line and line[0].isupper() and not line.startswith(("Internal", "Front")) and line.endswith((".", "!")):
            lines.append(line)
    for line in (EXAMPLES / "ketamine-clinic.txt").read_text(encoding="utf-8").splitlines():
        if line.endswith(".") and len(line.split()) > 6:
            lines.append(line)
    cue = re.compile(r"ketamine|infusion|depress|safe|relief|effect", re.IGNORECASE)
    logistics = re.compile(r"\$|\(\d{3}\)|Suite|drives you|receipt|Call ", re.IGNORECASE)
    claims = [line for line in lines if cue.search(line) and not logistics.search(line)]
    plain = [line for line in lines if line not in claims]
    return claims, plain


# --- page model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """One clinic: its name, city and the treatment its pages sell."""

    name: str
    city: str
    state: str
    treatment: str
    product: str
    condition: str
    phone: str
    domain: str


@dataclass
class Block:
    """One block of a page body, rendered by each format's writer."""

    kind: str  # heading | paragraph | list | table | faq | quote | references
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()


class Generator:
    """Sentences, blocks and pages from one seeded random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.example_claims, self.example_plain = _example_sentences()

    def site(self, number: int) -> Site:
        rng = self.rng
        treatment, product, condition = rng.choice(_TREATMENTS)
        name = f"{rng.choice(_CLINIC_WORDS)} {rng.choice(_CLINIC_KINDS)}"
        slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
        return Site(
            name=name,
            city=rng.choice(_CITIES),
            state=rng.choice(_STATES),
            treatment=treatment,
            product=product,
            condition=condition,
            phone=f"({rng.randint(201, 989)}) 555-{rng.randint(0, 9999):04d}",
            domain=f"{slug}-{number}.example.com",
        )

    def fill(self, template: str, site: Site) -> str:
        """A template with its slots filled for ``site``; each call draws fresh figures and names."""
        rng = self.rng
        slots: dict[str, Callable[[], str]] = {
            "T": lambda: site.treatment,
            "Tc": lambda: site.treatment.title(),
            "t": lambda: site.treatment,
            "P": lambda: site.product,
            "c": lambda: site.condition,
            "cc": lambda: site.condition.title(),
            "m": lambda: rng.choice(_MEDS),
            "h": lambda: str(rng.choice((2, 4, 6, 12, 24, 48, 72))),
            "w": lambda: str(rng.randint(1, 4)),
            "p": lambda: str(rng.randint(30, 95)),
            "min": lambda: str(rng.choice((40, 45, 50, 60))),
            "s": lambda: rng.choice(_SYMPTOMS),
            "symptom_cap": lambda: rng.choice(_SYMPTOMS).capitalize(),
            "city": lambda: site.city,
            "clinic": lambda: site.name,
            "phone": lambda: site.phone,
            "num": lambda: str(rng.randint(10, 2999)),
            "street": lambda: rng.choice(_STREETS),
            "suite": lambda: str(rng.randint(100, 1900)),
            "state": lambda: site.state,
            "zip": lambda: f"{rng.randint(10000, 99999)}",
            "first": lambda: rng.choice(_FIRST),
            "last": lambda: rng.choice(_LAST),
            "year": lambda: str(rng.randint(2008, 2024)),
            "month": lambda: rng.choice(("January", "March", "May", "July", "September", "November")),
            "n": lambda: str(rng.randint(5, 25)),
        }
        text = re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)](), template)
        return text[:1].upper() + text[1:]

    def sentence(self, site: Site, claim_share: float) -> str:
        rng = self.rng
        if rng.random() < claim_share:
            if rng.random() < 0.1:
                return rng.choice(self.example_claims)
            return self._framed(self.fill(rng.choice(_CLAIMS), site), site)
        if rng.random() < 0.05:
            return rng.choice(self.example_plain)
        return self._framed(self.fill(rng.choice(_PLAIN), site), site)

    def _framed(self, core: str, site: Site) -> str:
        """A sentence, usually with an opening phrase or a closing clause, as writers vary them."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            opener = self.fill(rng.choice(_OPENERS), site)
            # "In our experience, ketamine ..." but "In our experience, Spravato ...".
            core = f"{core[0].lower()}{core[1:]}" if not core[1:2].isupper() and core[:2] != "I " else core
            core = f"{opener}, {core}"
        if 0.3 < roll < 0.85 and core.endswith("."):
            core = f"{core[:-1]}, {self.fill(rng.choice(_TAILS), site)}."
        return core

    def paragraph(self, site: Site) -> str:
        # Some paragraphs are pure logistics, some are sales copy thick with claims.
        share = self.rng.choice((0.0, 0.2, 0.35, 0.6))
        return " ".join(self.sentence(site, share) for _ in range(self.rng.randint(1, 5)))

    def blocks(self, site: Site, budget: int) -> list[Block]:
        """Body blocks of about ``budget`` characters of copy."""
        rng = self.rng
        out = [Block("heading", self.fill(rng.choice(_HEADINGS), site))]
        used = 0
        while used < budget:
            roll = rng.random()
            if roll < 0.55:
                block = Block("paragraph", self.paragraph(site))
            elif roll < 0.65:
                block = Block("heading", self.fill(rng.choice(_HEADINGS), site))
            elif roll < 0.75:
                block = Block("list", items=tuple(self.sentence(site, 0.3) for _ in range(rng.randint(3, 6))))
            elif roll < 0.85:
                question = self.fill(rng.choice(_QUESTIONS), site)
                block = Block("faq", text=question, items=(self.paragraph(site),))
            elif roll < 0.9:
                rows = [("Consultation", "Free"), ("Single infusion", f"${rng.randint(350, 650)}")]
                rows.append(("Series of six infusions", f"${rng.randint(2, 3)},{rng.randint(0, 999):03d}"))
                block = Block("table", rows=tuple(rows))
            elif roll < 0.96:
                who = f"{rng.choice(_FIRST)}, patient"
                block = Block("quote", text=self.sentence(site, 0.7), items=(who,))
            else:
                block = Block("references", items=tuple(rng.sample(_REFERENCES, rng.randint(2, 4))))
            used += len(block.text) + sum(len(item) for item in block.items) + 30 * len(block.rows)
            out.append(block)
        return out

    def title(self, site: Site) -> str:
        return self.fill(self.rng.choice(_HEADINGS), site) + f" | {site.name}"


# --- writers ----------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Text escaped for HTML, with the typographic entities page builders like to emit."""
    return html.escape(text, quote=False).replace("'", "&rsquo;").replace(" - ", " &mdash; ")


def _mark_a_word(text: str, rng: random.Random, emphasis: Callable[[str], str], link: Callable[[str, int], str]) -> str:
    """``text`` with, sometimes, one word emphasised (15%) or linked to a condition page (10%)."""
    roll = rng.random()
    if roll >= 0.25:
        return text
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = emphasis(words[i]) if roll < 0.15 else link(words[i], rng.randint(1, 40))
    return " ".join(words)


def _inline_html(text: str, rng: random.Random) -> str:
    """Escaped text, sometimes with a link or emphasis around a word, as editors leave it."""
    return _mark_a_word(
        _e(text),
        rng,
        lambda word: f"<strong>{word}</strong>",
        lambda word, page: f'<a href="/conditions/{page}" class="inline-link">{word}</a>',
    )


# What a theme puts on every page besides the copy: a stylesheet, icon sprites, wrapper classes and
# the scripts of a consent manager. On real clinic sites visible text is a fifth to a third of the
# HTML; these bring the corpus to about that share.
_THEME_CSS = "\n".join(
    f"  .{name} {{ display: {display}; margin: 0 0 {i % 4}rem; padding: {i % 3}rem {i % 5}rem; "
    f"color: #{i * 2137 % 0xFFFFFF:06x}; }}"
    for i, (name, display) in enumerate(
        (f"{block}-{part}", ("flex", "block", "grid", "inline-block")[j % 4])
        for j, (block, part) in enumerate(
            (b, p)
            for b in ("site-header", "site-footer", "wp-block-group", "wp-block-columns", "faq", "cta", "menu")
            for p in ("inner", "title", "content", "wrapper", "item", "icon")
        )
    )
)
_ICON = (
    '<svg class="icon" aria-hidden="true" width="16" height="16" viewBox="0 0 24 24"><path d="M12 2C6.48 2 2 '
    "6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-1 17.93c-3.95-.49-7-3.85-7-7.93 0-.62.08-1.21.21-1.79L9 "
    '15v1c0 1.1.9 2 2 2v1.93z"/></svg>'
)
_GROUP = (
    '<div class="wp-block-group has-background is-layout-constrained wp-block-group-is-layout-constrained" '
    'style="padding-top:var(--wp--preset--spacing--40);padding-bottom:var(--wp--preset--spacing--40)">'
)
_CONSENT = (
    '<script id="consent-config" type="application/json">{"version": 3, "categories": {"necessary": {"enabled": '
    'true, "readOnly": true}, "analytics": {"enabled": false}, "marketing": {"enabled": false}}, "language": '
    '{"default": "en", "translations": {"en": {"consentModal": {"title": "Cookies", "acceptAllBtn": "Accept all", '
    '"acceptNecessaryBtn": "Reject all", "showPreferencesBtn": "Manage preferences"}}}}}</script>'
)


def render_html(gen: Generator, site: Site, page: int, budget: int) -> str:
    """A page as a page builder writes it: heavy head, wrapped sections, navigation and footer."""
    rng = gen.rng
    title = gen.title(site)
    nav = "\n".join(
        f'        <li class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{i}">'
        f'<a href="/{label.lower().replace(" ", "-")}">{_ICON}<span>{_e(label)}</span></a></li>'
        for i, label in enumerate(gen.fill(item, site) for item in _NAV)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f'<meta name="description" content="{_e(gen.paragraph(site))}">',
        f'<link rel="canonical" href="https://{site.domain}/page-{page}">',
        '<link rel="stylesheet" href="/wp-content/themes/clinic/style.min.css?ver=6.4.2">',
        '<link rel="preload" href="/fonts/inter-var.woff2" as="font" type="font/woff2" crossorigin>',
        f'<meta property="og:title" content="{_e(title)}">',
        f'<meta property="og:url" content="https://{site.domain}/page-{page}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:image" content="https://{site.domain}/wp-content/uploads/hero-{page % 7}.jpg">',
        '<meta name="twitter:card" content="summary_large_image">',
        "<style>",
        _THEME_CSS,
        "  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 0 auto; }",
        "  .cta { background: #145c4c; color: #fff; padding: .6rem 1.2rem; border-radius: 6px; }",
        "  .site-header nav ul { display: flex; gap: 1rem; list-style: none; }",
        "</style>",
        '<script type="application/ld+json">',
        f'{{"@context": "https://schema.org", "@type": "MedicalClinic", "name": "{site.name}", '
        f'"telephone": "{site.phone}", "address": {{"addressLocality": "{site.city}"}}}}',
        "</script>",
        "<script>",
        "  // Analytics stub: text in scripts is not copy and is never linted.",
        f'  window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": {page}, "site": "{site.domain}"}});',
        "</script>",
        "</head>",
        f'<body class="page page-id-{page} wp-custom-logo">',
        "<!-- Draft headline, not published -->",
        f'<div class="cookie-banner" role="dialog"><p>{_e(_COOKIES)}</p><button>Accept</button></div>',
        '<header class="site-header">',
        f'  <a class="logo" href="/"><img src="/logo.svg" alt="{_e(site.name)}" width="180" height="40"></a>',
        '  <nav class="main-navigation" aria-label="Main">',
        '    <ul id="primary-menu" class="menu">',
        nav,
        "    </ul>",
        "  </nav>",
        "</header>",
        '<main id="main" class="site-main">',
        f'<nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/blog">Blog</a> &rsaquo; {_e(title)}</nav>',
        '<article class="entry">',
    ]
    first = True
    for block in gen.blocks(site, budget):
        if block.kind == "heading":
            level = "h1" if first else rng.choice(("h2", "h2", "h3"))
            parts.append(f'<{level} class="wp-block-heading">{_e(block.text)}</{level}>')
            first = False
        elif block.kind == "paragraph":
            parts.append(f"{_GROUP}<p>{_inline_html(block.text, rng)}</p></div>")
        elif block.kind == "list":
            items = "\n".join(f"  <li>{_inline_html(item, rng)}</li>" for item in block.items)
            parts.append(f'<ul class="wp-block-list">\n{items}\n</ul>')
        elif block.kind == "faq":
            parts.append(
                f'<details class="faq"><summary>{_e(block.text)}</summary>\n'
                f"  <p>{_inline_html(block.items[0], rng)}</p>\n</details>"
            )
        elif block.kind == "table":
            rows = "\n".join(f"  <tr><td>{_e(a)}</td><td>{_e(b)}</td></tr>" for a, b in block.rows)
            parts.append(f'<table class="prices">\n{rows}\n</table>')
        elif block.kind == "quote":
            parts.append(f"<blockquote>&ldquo;{_e(block.text)}&rdquo; &mdash; {_e(block.items[0])}</blockquote>")
        else:
            items = "\n".join(f"  <li>{_e(item)}</li>" for item in block.items)
            parts.append(f'<h2>References</h2>\n<ol class="references">\n{items}\n</ol>')
    parts += [
        '<p><a class="cta" href="/book">Book your free consultation today.</a></p>',
        "</article>",
        "</main>",
        '<footer class="site-footer">',
        '  <div class="wp-block-columns">',
        nav.replace("menu-item-", "footer-item-"),
        "  </div>",
        f"  <p>{_e(site.name)}, {rng.randint(10, 2999)} {rng.choice(_STREETS)}, {site.city}, {site.state}</p>",
        f"  <p>Monday to Saturday, 8 am to 6 pm &middot; {site.phone}</p>",
        f"  <p>{_e(_DISCLAIMER)}</p>",
        f'  <p class="copyright">&copy; 2024 {_e(site.name)}. All rights reserved.</p>',
        "</footer>",
        _CONSENT,
        '<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>',
        '<script src="/wp-content/plugins/consent/consent.min.js?ver=3.0.1" defer></script>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _inline_md(text: str, rng: random.Random) -> str:
    """Text with the occasional emphasis or link, escaped where Markdown would misread it."""
    return _mark_a_word(
        text.replace("*", "\\*").replace("_", "\\_"),
        rng,
        lambda word: f"**{word}**",
        lambda word, page: f"[{word}](/conditions/{page})",
    )


def _wrap(text: str, width: int = 100) -> str:
    """Hard-wrapped prose, as many Markdown authors write it."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def render_markdown(gen: Generator, site: Site, page: int, budget: int) -> str:
    """A page of a static-site generator: front matter, navigation line, body, footer."""
    rng = gen.rng
    title = gen.title(site)
    nav = " · ".join(f"[{gen.fill(item, site)}](/{i})" for i, item in enumerate(_NAV))
    parts = [
        "---",
        f'title: "{title}"',
        f"date: 20{rng.randint(19, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"slug: page-{page}",
        "tags: [ketamine, mental-health, clinic]",
        "---",
        "",
        nav,
        "",
    ]
    first = True
    for block in gen.blocks(site, budget):
        if block.kind == "heading":
            parts.append(("# " if first else rng.choice(("## ", "## ", "### "))) + block.text)
            first = False
        elif block.kind == "paragraph":
            text = _inline_md(block.text, rng)
            parts.append(_wrap(text) if rng.random() < 0.5 else text)
        elif block.kind == "list":
            bullet = rng.choice(("-", "*", "1."))
            parts.append("\n".join(f"{bullet} {_inline_md(item, rng)}" for item in block.items))
        elif block.kind == "faq":
            parts.append(f"### {block.text}\n\n{_inline_md(block.items[0], rng)}")
        elif block.kind == "table":
            rows = "\n".join(f"| {a} | {b} |" for a, b in block.rows)
            parts.append(f"| Service | Price |\n|---|---|\n{rows}")
        elif block.kind == "quote":
            parts.append(f"> “{block.text}” — {block.items[0]}")
        else:
            items = "\n".join(f"{i}. {item}" for i, item in enumerate(block.items, 1))
            parts.append(f"## References\n\n{items}")
        parts.append("")
    if rng.random() < 0.2:
        parts += ["```text", "Internal note for the web team: code blocks are not linted.", "```", ""]
    parts += [
        "<!-- footer -->",
        f"{site.name} · {site.city}, {site.state} · {site.phone}",
        "",
        f"*{_DISCLAIMER}*",
        "",
    ]
    return "\n".join(parts)


# --- corpus -----------------------------------------------------------------------------------


def pages(fmt: str, total: int, seed: int) -> Iterator[tuple[str, str]]:
    """(relative path, text) of the pages of one format, until they add up to at least ``total`` bytes."""
    gen = Generator(seed)
    render = render_html if fmt == "html" else render_markdown
    suffix = ".html" if fmt == "html" else ".md"
    written = 0
    number = 0
    site = gen.site(0)
    while written < total:
        if number % _PAGES_PER_SITE == 0:
            site = gen.site(number // _PAGES_PER_SITE)
        # Copy per page: a few short pages, most 2-8 KB, a few long articles.
        budget = int(gen.rng.lognormvariate(8.2, 0.6))
        text = render(gen, site, number, budget)
        written += len(text.encode("utf-8"))
        yield f"site-{number // _PAGES_PER_SITE:04d}/page-{number % _PAGES_PER_SITE:02d}{suffix}", text
        number += 1


def _stamp(name: str) -> str:
    """What a corpus was generated from: generator version, seed, size and this file's source."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for example in sorted(EXAMPLES.iterdir()):
        digest.update(example.read_bytes())
    return f"v{GENERATOR_VERSION} seed={SEED} size={SIZES[name]} source={digest.hexdigest()[:16]}\n"


def up_to_date(folder: Path, stamp: str, *, force: bool = False) -> bool:
    """Whether ``folder``'s ``.stamp`` reads ``stamp`` (never with ``force``); if not, ``folder`` is removed."""
    written = folder / ".stamp"
    if not force and written.is_file() and written.read_text(encoding="utf-8") == stamp:
        return True
    if folder.exists():
        shutil.rmtree(folder)
    return False


def generate(name: str, out: Path | None = None, *, force: bool = False) -> Path:
    """Write corpus ``name`` (a key of :data:`SIZES`) and return its folder; reuse it when up to date."""
    folder = out or CORPUS_DIR / name
    expected = _stamp(name)
    if up_to_date(folder, expected, force=force):
        return folder
    half = SIZES[name] // 2
    for offset, fmt in enumerate(("md", "html")):
        for relative, text in pages(fmt, half, SEED + SIZES[name] + offset):
            path = folder / fmt / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    (folder / ".stamp").write_text(expected, encoding="utf-8")
    return folder


def digest(folder: Path) -> str:
    """A hash over every file's relative path and bytes: equal digests mean equal corpora."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".stamp"):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", choices=list(SIZES), default=["1mb"], metavar="SIZE")
    parser.add_argument("--force", action="store_true", help="regenerate even when the stamp says it is current")
    parser.add_argument("--check", action="store_true", help="generate twice and compare the bytes")
    args = parser.parse_args(argv)
    for name in args.names:
        folder = generate(name, force=args.force)
        print(f"{name}: {folder} {digest(folder)}")
        if args.check:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                again = digest(generate(name, Path(tmp) / name, force=True))
            same = again == digest(folder)
            print(f"{name}: regenerated {'identically' if same else 'DIFFERENTLY'}")
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
