"""The package phase: the schemas, the tables typed and sorted by them, validation, and the
folder written to disk (CSV, Parquet, datapackage.json, croissant.json, README.md), swapped
in whole under a lock.

Takes the merged extraction's rows; gives a validated package folder, and reads one back.
May import `extract` (codes the README tables) and the shared top-level modules; never
`quality`, `release`, `bench`, `pipeline` or `cli`: the quality report is handed in.
"""
