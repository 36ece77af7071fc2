"""Suite-wide settings.

Hypothesis's default 200 ms deadline per example judges speed, which this
project measures with `bench/`, never with tests: on a loaded machine a
correct property fails by the clock alone. Properties judge results only.
"""

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

settings.register_profile("quotes", deadline=None)
settings.load_profile("quotes")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One small local Spark session for every Spark test (starting one takes seconds)."""
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("quotes-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.pyspark.python", sys.executable)
               .config("spark.pyspark.driver.python", sys.executable)
               .config("spark.driver.memory", "512m")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
