"""Vectorised pandas baseline: spans of control and layers from a CSV with
id and manager_id columns. Prints a small JSON summary."""
import json
import sys

import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1], usecols=["id", "manager_id", "status"], dtype=str, keep_default_na=False)
df = df[df["status"].isin(["active", ""])]
ids = df["id"].to_numpy()
index = pd.Index(ids)
parent = index.get_indexer(df["manager_id"].to_numpy())  # -1 for roots / missing managers
spans = pd.Series(parent[parent >= 0]).value_counts()
layer = np.where(parent < 0, 1, 0)
while (layer == 0).any():
    known = (layer == 0) & (parent >= 0)
    parent_layer = layer[np.where(parent >= 0, parent, 0)]
    ready = known & (parent_layer > 0)
    if not ready.any():
        break  # a cycle: leave the rest unlayered
    layer[ready] = parent_layer[ready] + 1
print(json.dumps({
    "people": int(len(df)),
    "managers": int(len(spans)),
    "span": {"min": int(spans.min()), "median": float(spans.median()), "mean": float(spans.mean()), "max": int(spans.max())},
    "layers": int(layer.max()),
}))
