"""The dataset's speaker merge and quotation clustering on Spark, for archives beyond one machine.

`link_records(records)` takes a DataFrame of quote records (as `quotes.spark.
extract_quotes` gives, or `spark.read.json` of `quotes extract` output) and
returns it with `speaker_id` and `quotation_id`: the same ids `quotes index`
gives the same records (a local test compares them).

What runs where:

- speakers: the distinct (name, role) pairs with their counts go to the driver,
  which groups them with `identity.people` (names are few next to records)
  and sends back a small table joined to the records;
- quotations: wordings, units, word pairs, their frequencies, each unit's
  rarest pairs and the candidate pairs are DataFrame work on the executors, as
  is `quotations.compare` on each candidate pair; only the pairs that match go
  to the driver, which joins them into quotations with `quotations.components`
  (the same code as `quotes index`) and names them. A unit that matches no
  other is its own quotation, named on the executors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from quotes.dataset import identity
from quotes.dataset import quotations as qt
from quotes.dataset.index import speaker_id

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def link_records(records: DataFrame, people: Mapping[str, str] | None = None) -> DataFrame:
    """`records` with `speaker_id` and `quotation_id` columns, as `quotes index` assigns them."""
    with_speakers = _speakers(records, people)
    return _quotations(with_speakers)


def _speakers(records: DataFrame, people: Mapping[str, str] | None) -> DataFrame:
    from pyspark.sql import functions as F

    spark = records.sparkSession
    role = F.coalesce(F.col("speaker_role"), F.lit(""))
    counts = (records.where(F.col("speaker").isNotNull()).groupBy("speaker", role.alias("_role"))
              .count().collect())
    found = identity.people({(r["speaker"], r["_role"]): r["count"] for r in counts}, people)
    table = spark.createDataFrame([(name, role_, speaker_id(p.key)) for (name, role_), p in found.items()],
                                  "_name string, _role string, speaker_id string")
    joined = records.join(F.broadcast(table), (records["speaker"] == table["_name"]) & (role == table["_role"]),
                          "left")
    return joined.drop("_name", "_role")


def _quotations(records: DataFrame) -> DataFrame:
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    wording = _udf(qt.wording, T.StringType())
    unit_key = _udf(qt.unit_key, T.StringType())
    words = records.withColumn("_wording", wording("text"))
    units_of = words.withColumn("_unit", unit_key("kind", "_wording", "speaker_id"))
    first = F.min(F.concat(F.coalesce(F.col("date"), F.lit("\uffff")), F.lit("\x1f"), F.col("article_id")))
    units = units_of.groupBy("_unit").agg(first.alias("_first"))
    texts = (units.where(F.col("_unit").startswith("t:"))
             .select("_unit", F.expr("substring(_unit, 3)").alias("_text"))
             .withColumn("_len", _udf(qt.word_count, T.IntegerType())("_text")))
    shingles = _udf(_sorted_shingles, T.ArrayType(T.LongType()))
    postings = texts.select("_unit", "_text", "_len", F.explode(shingles("_text")).alias("_h"))
    frequency = postings.groupBy("_h").count()
    rarest = Window.partitionBy("_unit").orderBy("count", "_h")
    cuts = F.size(F.split("_text", r" \| ")) - 1
    anchors = (postings.join(frequency, "_h")
               .withColumn("_rank", F.row_number().over(rarest))
               .where((F.col("_len") >= qt.MIN_WORDS) & (F.col("_rank") <= 3 + cuts)
                      & (F.col("count") <= qt.MAX_BLOCK)))
    a, b = anchors.alias("a"), postings.alias("b")
    pairs = (a.join(b, F.col("a._h") == F.col("b._h"))
             .where((F.col("b._len") > F.col("a._len"))
                    | ((F.col("b._len") == F.col("a._len")) & (F.col("b._text") > F.col("a._text"))))
             .select(F.col("a._text").alias("short"), F.col("b._text").alias("long")).distinct())
    matched = pairs.rdd.mapPartitions(_matches).collect()
    return _named(units_of, units, matched)


def _udf(function: Any, kind: Any) -> Any:
    """A plain Python UDF (no Arrow: pandas and pyarrow are not needed)."""
    from pyspark.sql import functions as F

    return F.udf(function, kind, useArrow=False)


def _sorted_shingles(text: str) -> list[int]:
    return sorted(qt.shingles(text))


def _matches(pairs: Any) -> Any:
    """(short, long, same) for each candidate pair that `compare` joins (on the executors)."""
    for row in pairs:
        join = qt.compare(row["short"], row["long"])
        if join is not None:
            yield row["short"], row["long"], join.same


def _named(records: DataFrame, units: DataFrame, matched: list[tuple[str, str, bool]]) -> DataFrame:
    """Quotation ids: components of the matched pairs on the driver, single units on the executors."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    spark = records.sparkSession
    linked = sorted({"t:" + t for s, long, _ in matched for t in (s, long)})
    position = {u: i for i, u in enumerate(linked)}
    same = [(position["t:" + s], position["t:" + t]) for s, t, is_same in matched if is_same]
    fragments: dict[int, list[int]] = {}
    for s, t, is_same in matched:
        if not is_same:
            fragments.setdefault(position["t:" + s], []).append(position["t:" + t])
    roots = qt.components(len(linked), same, fragments)
    firsts = {r["_unit"]: r["_first"] for r in units.where(F.col("_unit").isin(linked)).collect()} \
        if linked else {}
    groups: dict[int, list[tuple[str | None, str, str]]] = {}
    for unit in linked:
        date, article = firsts[unit].split("\x1f", 1)
        groups.setdefault(roots[position[unit]], []).append((None if date == "\uffff" else date, article, unit))
    ids = [(unit, qt.quotation_id(qt.first_unit(group))) for group in groups.values() for *_, unit in group]
    table = spark.createDataFrame(ids or [("", "")], "_u string, _qid string")
    own = _udf(qt.quotation_id, T.StringType())
    joined = records.join(F.broadcast(table), records["_unit"] == table["_u"], "left")
    return (joined.withColumn("quotation_id", F.coalesce(F.col("_qid"), own("_unit")))
            .drop("_u", "_qid", "_unit", "_wording"))
