"""The run-time link rate of a document's words: a word that links elsewhere in the document is evidence
that its missing link here is a missing rendering; one that never links anywhere is a dictionary miss."""
from transdiff.compare.wordrates import WordRates
from transdiff.represent import Unit


def _u(text: str, start: int) -> Unit:
    return Unit(text, start, start + len(text), frozenset({text}))


def test_a_word_that_links_elsewhere_counts_as_linkable_and_one_that_never_links_does_not():
    pairs = []
    # three other pairs: 政策 links each time, 举措 never does
    for n in range(3):
        src = [_u("政策", 10 * n), _u("举措", 10 * n + 3)]
        pairs.append((src, [_u("policy", 10 * n)], [(0, 0)]))
    here = [_u("政策", 100), _u("举措", 103), _u("程序", 106)]
    pairs.append((here, [_u("other", 100)], []))
    rates = WordRates(pairs)
    both = rates.evidence("s", here[:2], here, set(), literal=0.6)
    policy = rates.evidence("s", here[:1], here, set(), literal=0.6)
    miss = rates.evidence("s", here[1:2], here, set(), literal=0.6)
    unseen = rates.evidence("s", here[2:], here, set(), literal=0.6)
    assert policy["linkable"] > 0 and policy["unlinkable"] == 0
    assert miss["linkable"] == 0 and miss["unlinkable"] > 0
    assert unseen["linkable"] == 0 and unseen["unlinkable"] == 0 and unseen["link_llr"] == 0
    # the missing link of a word that links elsewhere weighs more than the document's rate alone says,
    # that of a word that never links elsewhere less
    assert policy["link_llr"] > 0 > miss["link_llr"]
    assert both["link_llr"] == round(policy["link_llr"] + miss["link_llr"], 4)


def test_the_pair_itself_does_not_count_as_elsewhere():
    here = [_u("政策", 0)]
    rates = WordRates([(here, [_u("policy", 0)], [(0, 0)])])
    ev = rates.evidence("s", here, here, {0}, literal=0.6)
    assert (ev["linkable"], ev["unlinkable"], ev["link_llr"]) == (0.0, 0.0, 0.0)
