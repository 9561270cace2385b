"""Batch extraction at archive scale: ``figures batch`` on this machine, or the same job on Spark.

``local`` runs it in worker processes with ordered, resumable output; ``spark`` runs it in
PySpark's ``mapPartitions`` (an optional extra: ``pip install '.[spark]'`` in a clone). Both read
documents with ``readers``, turn them into rows with ``rows`` and judge bad documents alike.
"""
