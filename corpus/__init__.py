"""eventwire's own gold corpus: news articles written for the project and annotated by hand.

The articles live as marked-up files in `corpus/marked/` (the text with its spans inline, then the
annotations as JSON); `python -m corpus build` turns them into `corpus/gold/{train,dev,test}.jsonl`
with character offsets, and `python -m corpus check` validates both. `GUIDELINES.md` says what is
annotated and how; `README.md` gives the file format and the commands. Reading and checking need
only the standard library; scoring (`score`) uses eventwire's distance between places.
"""
