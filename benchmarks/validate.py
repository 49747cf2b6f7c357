"""Run every accuracy benchmark on the development datasets and write VALIDATION.md.

    python benchmarks/validate.py            # writes VALIDATION.md beside README.md
    python benchmarks/validate.py --out -    # prints it instead

Each task runs its benchmark script (in this folder) as a separate process, so one
failing task cannot stop the others; the Markdown tables each script prints are copied
into the report under the task's description: the metric, framing's score, a simple
baseline computed in the same run, the published best with its source, and the known
weaknesses. Datasets are read from ../shared/data; a task whose data is absent says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Task:
    title: str
    script: str
    args: tuple[str, ...]
    about: str
    published: str
    weaknesses: str


TASKS = (
    Task(
        "Loaded language: sentences and words (BABE) and spans and paragraphs (SemEval-2023 subtask 3)",
        "loaded_language.py",
        (),
        "Sentence level: a BABE sentence is predicted Biased when framing finds a loaded word in it "
        "(macro-F1, accuracy, 5-fold cross-validation where anything is chosen). Word level: framing's "
        "flagged words against the words BABE's annotators marked (precision, recall, F1). SemEval: "
        "framing's findings against the Loaded_Language and Name_Calling-Labeling spans (overlap), and "
        "paragraphs that contain one. Baselines: majority class, TF-IDF logistic regression, word lists, "
        "simple surface rules, all run in the same process.",
        "BABE: macro-F1 0.804, fine-tuned transformer, 5-fold CV on all of SG2 (Spinde et al., Findings "
        "of EMNLP 2021).",
        "A lexicon flags words, not meanings: literal uses (a riot that happened, police brutality as a "
        "term) are flagged, and bias built from neutral words is missed. Annotators mark far more words "
        "than any list holds, so word-level recall is low; precision is the number to watch.",
    ),
    Task(
        "Attribution (PolNeAR dev)",
        "attribution_polnear.py",
        ("--split", "dev"),
        "Source, cue and content spans of every attribution in PolNeAR's development articles: "
        "precision, recall and F1 by exact and by overlap match, next to a keyword baseline (said, says, "
        "told, according to).",
        "BBC's Citron: cue F1 82.3 and source F1 82.0 (exact) on PARC 3.0; the GenderGapTracker quote "
        "extractor: P 84.6 / R 82.7 on its own data. Not the same data, given for scale.",
        "PolNeAR annotates much more than speech: beliefs, plans, votes, endorsements, polls. framing "
        "finds speech, thought, votes and stated positions with a subject, cue nouns after a possessive "
        "and name-colon lines, at high precision; it misses attributions without a clear subject "
        '("Asked about ..., ", "is expected to", "appears to"), results reported "in a poll", '
        'positions as nouns ("his support for") and many cue phrases, so recall is low. Speakers '
        "are found by patterns, not a parser.",
    ),
    Task(
        "Stance toward a person (NewsMTSC dev)",
        "stance_newsmtsc.py",
        (),
        "Sentiment toward a target person in a news sentence (negative, neutral, positive): macro-F1 and "
        "accuracy on dev_rw (real-world distribution) and dev_mt (several targets per sentence), for the "
        "shipped classifier, the lexicon-and-rules method and a sentence-only TF-IDF baseline trained in "
        "the same run.",
        "Fine-tuned RoBERTa: macro-F1 83.1 (rw) and 82.5 (mt) on the test sets (Hamborg and Donnay, EACL 2021).",
        "A linear model on word features and word vectors learned from unlabelled news: it reads "
        "sentiment words near the target and misses sarcasm, irony and stance built over several "
        "sentences. It reaches the 0.70 target on dev_rw, not on dev_mt, where several people share "
        "a sentence.",
    ),
    Task(
        "The framing news corpus: dev and test splits",
        "corpus.py",
        ("--split", "dev", "--split", "test"),
        "The project's own corpus (corpus/CARD.md): real articles from article_bias annotated blind by the "
        "team. Speaker accuracy and source/cue/content spans of attributions; loaded wording by voice "
        "(precision, recall, voice of found spans); actors found and their role (villain, victim, hero, "
        "neutral) in the outlet's own voice and in quoted voices, by the rules and the portrayal model, "
        "beside the sign of the tone score around the actor and everyone neutral; on the event clusters, "
        "same-claim links (precision and recall), 'says something different', 'left out' and 'not yet "
        "reported' judgements, and shared quotations found with their cuts, extensions and alterations, "
        "beside the claim matcher framing had before report schema 2.0. Each beside a simple baseline "
        "from the same run. The test split is for reporting only: nothing is chosen on it.",
        "None: the corpus is new. The annotators' own agreement (corpus/CARD.md and the next section) "
        "is the ceiling to read these figures against.",
        "Small: 48 test articles and 5 test clusters, so a figure moves by a few points with one article. "
        "Roles are read from who does what to whom around each mention, by patterns and a word list: "
        "what is said of an actor through a pronoun or an unlinked description, and judgements no "
        "word list holds, are missed, so most villains and heroes stay neutral. Claims are matched by "
        "their words, figures and events, not their meaning: two sentences that say one thing in "
        "different words are rarely matched, so same-claim recall is low; and the claim figures are "
        "judged against one annotator's list of facts, which a second annotator matched at F1 0.64.",
    ),
    Task(
        "The framing news corpus: how far the annotations can be trusted",
        "corpus_agreement.py",
        (),
        "Blind calibration of the annotation guide against published gold (PolNeAR dev attributions, "
        "BABE dev biased words, NewsMTSC dev_rw target sentiment), each next to a baseline, and the "
        "agreement of two independent annotations of the same corpus articles, layer by layer.",
        "PolNeAR reports its own inter-annotator agreement by attribution; BABE's expert annotators "
        "agreed on sentence labels with Krippendorff's alpha 0.42 ('Towards a reliable ground-truth for biased "
        "language detection', Spinde et al., 2021).",
        "Calibration sets are small (10 articles, 300 sentences, 200 targets). BABE's word gold keeps "
        "only the words most annotators marked, so our more generous guide has low word precision there "
        "by design.",
    ),
    Task(
        "Frames (SemEval-2023 subtask 2)",
        "frames_semeval.py",
        (),
        "The frame dimensions present in an article (multi-label): micro- and macro-F1 of the lexicon "
        "method, of scikit-learn classifiers trained during the run, of a TF-IDF baseline and of always "
        "predicting the most frequent frames; 5-fold cross-validation, thresholds chosen on training "
        "folds only. The data's licence does not allow shipping a model trained on it, so the shipped "
        "default is the lexicon.",
        "The strongest SemEval-2023 systems fine-tuned large multilingual transformers (MarsEclipse, "
        "first on five of the six languages with training data; Liao et al., SemEval 2023). Their "
        "official test-set scores are not comparable with cross-validation on the training split.",
        "Cue words for public opinion and policy fire far more often than annotators label those frames; "
        "quality of life and capacity are under-detected.",
    ),
)


def _tables(output: str) -> list[tuple[str, list[str]]]:
    """Markdown tables in a script's output, each with the line that names it."""
    lines = output.splitlines()
    found: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(lines):
        if (
            lines[i].startswith("|")
            and i + 1 < len(lines)
            and set(lines[i + 1].replace("|", "").strip()) <= set("-: ")
        ):
            title = next((lines[k].strip() for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            if title.startswith("|") or "  " in title:
                title = ""  # a table row or a plain-text table's last line, not a title
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                block.append(lines[i])
                i += 1
            found.append((title.strip("*"), block))
        else:
            i += 1
    return found


def run_task(task: Task, python: str) -> tuple[str, float, int]:
    start = time.perf_counter()
    proc = subprocess.run(
        [python, str(HERE / task.script), *task.args], capture_output=True, text=True, cwd=ROOT
    )
    return (
        proc.stdout + ("\n" + proc.stderr if proc.returncode else ""),
        time.perf_counter() - start,
        proc.returncode,
    )


def build(python: str = sys.executable) -> str:
    out = [
        "# Validation",
        "",
        "How well framing's analysers agree with annotated research data, each next to a simple "
        "baseline computed in the same run and the published best. Written by "
        "`python benchmarks/validate.py`; every number below comes from that run.",
        "",
        f"Run on {dt.date.today().isoformat()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPU(s), {platform.machine()}.",
        "",
        "These are development splits: other parts of the same datasets are kept aside for "
        "independent validation. Read the scores as what the tool can and cannot do, not as a "
        "leaderboard.",
        "",
    ]
    for task in TASKS:
        output, seconds, code = run_task(task, python)
        out += [f"## {task.title}", "", task.about, "", f"**Published best.** {task.published}", ""]
        tables = _tables(output)
        if code != 0:
            out += ["The benchmark failed in this run:", "", "```", output.strip()[-2000:], "```", ""]
        elif not tables:
            message = output.strip().splitlines()[-1] if output.strip() else "no output"
            out += [f"Not run: {message}", ""]
        for title, block in tables:
            if title and not title.lower().startswith("markdown"):
                out += [f"*{title.rstrip(':')}*", ""]
            out += [*block, ""]
        out += [f"**Known weaknesses.** {task.weaknesses}", "", f"({task.script}, {seconds:.0f} s)", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "VALIDATION.md"), help="file to write, or - for stdout")
    args = parser.parse_args(argv)
    text = build()
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
