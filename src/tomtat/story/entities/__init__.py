"""Actors of a story: people, organisations and places, with variants merged.

Finding mentions (per sentence, or per cluster in one scan: :mod:`.mentions`) is
rule-based over syllables, without word segmentation (a CRF segmenter costs ~2 ms a
sentence, the whole story stage has a few ms per cluster). Vietnamese proper names
capitalise every syllable, so capitalised runs are the candidates; the only word
knowledge needed is whether a lower-case syllable completes a capitalised one ("Bộ Y
tế", "Tuy nhiên"), looked up in a compound-word list
(:func:`tomtat.story.words.compound_words`). Lower-case syllables that cannot open a
title, honorific or place are never visited.

- a title from ``data/titles_vi.txt`` ("Ngoại trưởng", "Bộ trưởng Quốc phòng"), then any
  places or organisations qualifying it ("Nga"; football clubs only there, ``title_orgs``:
  "HLV Liverpool"), then a capitalised run is a person whose role is the title with its
  qualifiers ("Ngoại trưởng Nga" + "Sergey Lavrov");
- an honorific ("ông", "bà") then a capitalised run is a person ("ông Lavrov");
- any other run of capitalised syllables is split and typed with data lists: places
  (``places_vi.txt``, with aliases such as "Hoa Kỳ" -> "Mỹ"), organisation heads
  (``org_heads_vi.txt``: "Bộ", "Hãng tin", "Liên minh"), known organisations and
  acronyms ("NATO"), place cues before it ("tỉnh Anbar"). A leading place is split off
  a run ("Mỹ John Kerry" -> "Mỹ" + "John Kerry"). After an organisation head, a
  lower-case compound word between capitals stays in the name ("Sở Giao thông vận tải
  Hà Nội"). An ampersand between words in capitals is inside the name ("Bộ GD&ĐT",
  "NN&PTNT"); a place that starts with an organisation head is the place ("Đài Loan",
  not a station "Đài ...").
- a run still untyped is a person if its last syllable is the surname of a person found
  elsewhere in the cluster; else, when an underthesea NER tagging of the sentence is
  given, its tag decides; else it is ``MISC``.

Words that only open a sentence ("Theo", "Tuy nhiên") are not names: they are listed in
``entity_rules_vi.json`` or appear in lower case elsewhere in the cluster.

Merging (per cluster, :mod:`.merge`): a person's short form ("Lavrov") joins the full
name whose last syllable it is; full names with the same surname and nearly the same
given name ("Sergey"/"Sergei") are one person. The canonical name is the most frequent
full form.

One module per job: :mod:`.lexicon` (the word lists), :mod:`.syllables` (tokens and
their flags, C-level passes only), :mod:`.mentions` (the scan), :mod:`.runs` (reading
capitalised runs), :mod:`.merge` (mentions into entities).
"""

from tomtat.story.entities.lexicon import lexicon
from tomtat.story.entities.mentions import Mention, find_cluster_mentions, find_mentions
from tomtat.story.entities.merge import merge_mentions, same_given_name
from tomtat.story.entities.syllables import Syllables, lowercase_vocabulary, sentence_syllables

__all__ = [
    "Mention",
    "Syllables",
    "find_cluster_mentions",
    "find_mentions",
    "lexicon",
    "lowercase_vocabulary",
    "merge_mentions",
    "same_given_name",
    "sentence_syllables",
]
