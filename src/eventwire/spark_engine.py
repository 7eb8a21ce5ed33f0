"""The Spark engine's earlier import path, kept so that driver scripts written for it still run;
the engine is `eventwire.engines.spark`."""

from .engines.spark import load_parquet, run_spark

__all__ = ["load_parquet", "run_spark"]
