"""What the checks share: the sentence pairs of a compare result and the finding a check reports; the
aligned pair the number, date and name checks read and the mismatch they return."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..represent import Features
from ..types import Document, Finding, Result, Segment


@dataclass
class SentencePair:
    """Segments of the result's alignment that make up one sentence bead (clause beads regrouped)."""

    source: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    beads: list[int] = field(default_factory=list)


def sentence_pairs(result: Result) -> list[SentencePair]:
    """Sentence-level pairs of the result, in source order.

    At clause level the clause beads were aligned inside sentence beads, so clause beads that share
    an enclosing sentence on either side belong to one pair (connected components over parents).
    """
    al = result.alignment
    if result.level != "clause":
        return [SentencePair(list(b.source), list(b.target), [k]) for k, b in enumerate(al.beads)]
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def sentence_of(side: str, seg: Segment) -> tuple[str, int]:
        return (side, seg.parent if seg.parent is not None else -1 - seg.index)

    bead_node: list[tuple[str, int]] = []
    for k, bead in enumerate(al.beads):
        nodes = [sentence_of("s", al.source[i]) for i in bead.source] + \
                [sentence_of("t", al.target[j]) for j in bead.target]
        for node in nodes[1:]:
            a, b = find(nodes[0]), find(node)
            if a != b:
                parent[b] = a
        bead_node.append(nodes[0])
    groups: dict[tuple[str, int], SentencePair] = {}
    for k, bead in enumerate(al.beads):
        pair = groups.setdefault(find(bead_node[k]), SentencePair())
        pair.source.extend(bead.source)
        pair.target.extend(bead.target)
        pair.beads.append(k)
    out = list(groups.values())
    for p in out:
        p.source.sort()
        p.target.sort()
    return out


def _span(segments: Sequence[Segment], ids: Sequence[int]) -> Optional[tuple[int, int]]:
    return (segments[ids[0]].start, segments[ids[-1]].end) if ids else None


def _lines(doc: Document, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    return None if span is None else (doc.line_of(span[0]), doc.line_of(max(span[0], span[1] - 1)))


def mismatch_finding(result: Result, source_ids: Sequence[int], target_ids: Sequence[int], bead: int, kind: str,
                     confidence: float, message: str, **detail) -> Finding:
    """A finding of type "mismatch" and ``detail.kind`` ``kind`` over these segments of the result's alignment."""
    al = result.alignment
    s_span, t_span = _span(al.source, source_ids), _span(al.target, target_ids)
    return Finding(
        type="mismatch", confidence=confidence,
        source_text=None if s_span is None else result.source.text[s_span[0]:s_span[1]],
        target_text=None if t_span is None else result.target.text[t_span[0]:t_span[1]],
        source_span=s_span, target_span=t_span,
        source_lines=_lines(result.source, s_span), target_lines=_lines(result.target, t_span),
        message=message, detail={"kind": kind, **detail}, bead=bead)


@dataclass(frozen=True)
class AlignedPair:
    """Sentences of the source and of the target that translate each other, with their features."""

    source: Sequence[Features]
    target: Sequence[Features]
    source_text: str
    target_text: str
    zh_is_source: bool

    @property
    def zh(self) -> tuple[Sequence[Features], str]:
        return (self.source, self.source_text) if self.zh_is_source else (self.target, self.target_text)

    @property
    def en(self) -> tuple[Sequence[Features], str]:
        return (self.target, self.target_text) if self.zh_is_source else (self.source, self.source_text)

    def by_side(self, zh_items: list, en_items: list) -> tuple[list, list]:
        """(source's, target's) from (Chinese side's, English side's)."""
        return (zh_items, en_items) if self.zh_is_source else (en_items, zh_items)


@dataclass
class Mismatch:
    kind: str                       # "number" | "date" | "name"
    source_only: list[str]
    target_only: list[str]
    confidence: float
    detail: dict = field(default_factory=dict)

    @property
    def check(self) -> str:
        return CHECK_OF_KIND[self.kind]

    def message(self) -> str:
        return (f"{self.check} differ: source has {', '.join(self.source_only) or '-'}, "
                f"target has {', '.join(self.target_only) or '-'}")


CHECK_OF_KIND = {"number": "numbers", "date": "dates", "name": "names"}
