"""Write person_shaped_nouns.txt: the English nouns shaped like words for people
("farmer", "strategist", "superintendent"), so that a word of that shape which is no
English noun ("Aitor", "Hollister", "Laurent") reads as a name, not an occupation.

Usage: python analysis/data/make_person_shaped_nouns.py

The nouns are those of the lemmatizer's `lemma_index` table in spaCy's small English
pipeline (WordNet's noun index, as spacy-lookups-data packages it; the pipeline is a
pinned requirement), kept where lexicon.names_a_person accepts the shape. Run it again
after changing those endings; the engine reads the text file only.
"""
from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).with_name("person_shaped_nouns.txt")


def main() -> None:
    from analysis.lexicon import names_a_person
    from analysis.pipeline.model import stock_model

    nouns = stock_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"]
    words = sorted({w for w in nouns if w.isalpha() and w.islower() and names_a_person(w)})
    OUT.write_text("\n".join(words) + "\n")
    print(f"{len(words)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
