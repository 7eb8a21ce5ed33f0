"""Engines that run the pipeline over many articles: `parallel` (forked worker processes on one
machine, results in input order) and `spark` (a Spark cluster, into Parquet tables that
`eventwire load` puts into the store). Read `Article`s; write `Document`s or store rows.
"""
