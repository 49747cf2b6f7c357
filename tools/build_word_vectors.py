"""Learn word vectors from unlabelled news text, for the target-sentiment and loaded-words models.

    python tools/build_word_vectors.py                  # print the neighbours of a few words
    python tools/build_word_vectors.py --out vectors.npz

The text is the ``content_original`` of every article in Article-Bias-Prediction (Baly et
al., EMNLP 2020; Apache-2.0), ``train_sample6000.jsonl`` and ``valid.jsonl``: about
8,000 articles and 9 million words. Words are tokenised as the model tokenises them. The
vectors are the classic count-based kind: co-occurrence counts of the most frequent words
within 5 words of each other (weighted 1/distance, never across articles), positive
pointwise mutual information with the context distribution smoothed to the power 0.75,
and a truncated SVD (fixed random state, signs fixed), each row scaled to unit length.
The same files give the same vectors. tools/train_target_sentiment.py and
tools/train_loaded_words.py (which leaves out the news corpus's dev and test articles) call
:func:`build_word_vectors` themselves; ``--out`` only saves them for a look.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "article_bias"
FILES = ("train_sample6000.jsonl", "valid.jsonl")
SIZE = 20_000
DIMENSIONS = 100
WINDOW = 5


def read_articles(folder: Path) -> list[str]:
    texts = []
    for name in FILES:
        with (folder / name).open(encoding="utf-8") as f:
            texts += [json.loads(line)["content_original"] for line in f if line.strip()]
    return texts


def build_word_vectors(
    texts: list[str], *, size: int = SIZE, dimensions: int = DIMENSIONS, window: int = WINDOW
) -> tuple[list[str], np.ndarray]:
    """The ``size`` most frequent words of ``texts`` and their unit-length vectors."""
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    from framing.models.target_words import _TOKEN, _norm

    articles = [[_norm(m.group()) for m in _TOKEN.finditer(text)] for text in texts]
    counts = Counter(w for words in articles for w in words)
    words = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter((index.get(w, -1) for a in articles for w in a), dtype=np.int64)
    article = np.repeat(np.arange(len(articles)), [len(a) for a in articles])
    rows, cols, values = [], [], []
    for d in range(1, window + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0) & (article[:-d] == article[d:])
        rows += [a[ok], b[ok]]
        cols += [b[ok], a[ok]]
        values += [np.full(int(ok.sum()), 1.0 / d)] * 2
    n = len(words)
    cooc = sparse.coo_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    ).tocsr()
    cooc.sum_duplicates()
    cooc = cooc.tocoo()
    total = cooc.data.sum()
    row_p = np.asarray(cooc.sum(axis=1)).ravel() / total
    col_p = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    col_p /= col_p.sum()
    pmi = np.log(cooc.data / total / (row_p[cooc.row] * col_p[cooc.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (cooc.row[keep], cooc.col[keep])), shape=(n, n))
    u, s, _ = randomized_svd(ppmi, dimensions, n_iter=7, random_state=0)
    vectors = u * np.sqrt(s)
    vectors *= np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dimensions)])
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return words, vectors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article_bias folder")
    parser.add_argument("--out", type=Path, default=None, help="save the words and vectors (.npz)")
    args = parser.parse_args(argv)
    if not all((args.data / name).is_file() for name in FILES):
        print(f"Article-Bias-Prediction is not at {args.data}; give --data FOLDER", file=sys.stderr)
        return 2
    words, vectors = build_word_vectors(read_articles(args.data))
    index = {w: i for i, w in enumerate(words)}
    for word in ("slammed", "praised", "corrupt", "hero"):
        if word in index:
            near = np.argsort(-(vectors @ vectors[index[word]]))[1:9]
            print(f"{word}: {', '.join(words[j] for j in near)}")
    if args.out:
        np.savez_compressed(args.out, words=np.array(words), vectors=vectors)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
