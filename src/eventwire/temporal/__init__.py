"""Time: every temporal expression of an article, normalised TIMEX3-style against the article
date. Registered as the `time` stage (the package is not named `time`, which would read like the
standard library's). Reads `doc.parse`; writes `doc.times`.
"""

from .stage import TimeTagger

__all__ = ["TimeTagger"]
