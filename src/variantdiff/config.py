"""One frozen configuration object, passed to every stage that needs it."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Question labels: an outlet name ending in 记者 (optionally 特约记者 etc.) and a colon,
#: or an interview's 问：, or a follow-up question's 追问： (记者追问); or any
#: of them in brackets (【新华社记者】, 【问】)
DEFAULT_QUESTION_PATTERN = (r"(?P<open>[【\[])?(?P<label>[^，。！？；：:,.!?;\s]{0,30}?记者"
                            r"|(?:记者)?追问|问)(?(open)[】\]]|\s*[：:])")
#: Speaker labels: a short name or title of 2–12 CJK characters (· allowed) and a colon,
#: or an interview's 答：; or either in brackets (【王毅】, 【答】)
DEFAULT_SPEAKER_PATTERN = (r"(?P<open>[【\[])?(?P<label>[\u3400-\u9fff·]{2,12}|答)"
                           r"(?(open)[】\]]|\s*[：:])")

#: Variant kinds hidden unless asked for.
DEFAULT_HIDDEN = frozenset({"whitespace"})


@dataclass(frozen=True)
class Config:
    """Settings for a comparison. Every field has a default that suits transcripts.

    >>> Config().shingle_size
    3
    """

    #: characters per shingle for MinHash fingerprints
    shingle_size: int = 3
    #: MinHash permutations
    num_perm: int = 128
    #: seed of the MinHash permutations: the same seed gives the same output
    seed: int = 1
    #: LSH Jaccard threshold for candidate pairs (low, so abridged copies are found)
    lsh_threshold: float = 0.15
    #: minimum Jaccard similarity of the shingle sets for a pair
    pair_threshold: float = 0.5
    #: minimum character-level similarity for two short units (under 40 characters)
    short_threshold: float = 0.75
    #: minimum character-level similarity for two units left unpaired in the same place
    #: of both documents (between the same two pairs): a heavily misread transcription
    slot_threshold: float = 0.6
    #: minimum containment (shared shingles over the smaller unit's) for an abridged pair
    containment_threshold: float = 0.8
    #: containment counts only when the smaller unit is at least this share of the larger
    containment_min_ratio: float = 0.15
    #: minimum similarity of two sentences to align them with each other
    sentence_threshold: float = 0.5
    #: minimum similarity of a sentence found elsewhere to call it a move
    move_threshold: float = 0.8
    #: question label regular expression (must define the group ``label``)
    question_pattern: str = DEFAULT_QUESTION_PATTERN
    #: speaker label regular expression (must define the group ``label``)
    speaker_pattern: str = DEFAULT_SPEAKER_PATTERN
    #: variant kinds not shown (still counted in the summary)
    hidden_kinds: frozenset[str] = field(default=DEFAULT_HIDDEN)
    #: a sentence repeated within one document is boilerplate from this many characters
    #: (punctuation and spaces not counted)
    boilerplate_min_chars: int = 20
    #: a passage repeated across documents is boilerplate from this many characters …
    boilerplate_cross_min_chars: int = 8
    #: … when it stands in at least this many documents, in passages that are not one
    #: another's copies (two reprints of the same answer are a pair, not boilerplate)
    boilerplate_min_docs: int = 3
    #: in ``cluster``, a unit that is one sentence found in more documents than this is a
    #: stock line (boilerplate) and joins no group
    boilerplate_unit_docs: int = 20
    #: two sentences this alike (normalised Indel similarity) are the same boilerplate
    boilerplate_similarity: float = 0.9
