"""The concept ids every question is tagged with (from the project's CONCEPTS.md)."""

PRESTART = (
    "prestart/context",
    "prestart/purpose",
    "prestart/values",
    "prestart/assets",
    "prestart/barriers",
    "prestart/tools",
)
SYSTEM = (
    "system/context-based",
    "system/continuous-evaluation",
    "system/evolving-practice",
    "system/hard-to-engage",
    "system/risk-and-power",
    "system/wider-perspective",
    "system/resources",
)
RELATIONS = (
    "relations/relationships-first",
    "relations/power-shift",
    "relations/empathy",
    "relations/equity",
    "relations/light-touch",
    "relations/go-to-people",
    "relations/get-known",
)
ETHICS = ("ethics/not-consultation", "ethics/transparency", "ethics/snowball")
CATALYSTS = ("catalysts/asset-based", "catalysts/staff-capacity", "catalysts/start-small")
TOOLKIT = (
    "toolkit/social-media-open-data",
    "toolkit/community-reporting",
    "toolkit/design-thinking",
    "toolkit/cosmos",
    "toolkit/social-hackathons",
    "toolkit/engagement-strategies",
)
PRACTICE = (
    "practice/safe-creative-space",
    "practice/varied-methods",
    "practice/welcome-divergence",
    "practice/horizontal-interaction",
    "practice/mutual-learning",
    "practice/no-knowledge-hierarchy",
    "practice/break-silos",
    "practice/grounded-flexibility",
    "practice/common-language",
    "practice/multi-actor-alliances",
)

# Sections 1-5 and 7 must each be covered by a rated item in the CoSIE questionnaire.
MUST_BE_RATED = PRESTART + SYSTEM + RELATIONS + ETHICS + CATALYSTS + PRACTICE
ALL = frozenset(MUST_BE_RATED + TOOLKIT)
